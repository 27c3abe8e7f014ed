/* reflect-people-view.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-people-view"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-attendee-row.h"
#include "reflect-people-view.h"
#include "reflect-store-people.h"
#include "reflect-view-shortcuts.h"

#define N_SUGGESTIONS 8

enum {
  SUGGEST_LABEL,
  SUGGEST_NAME,
  SUGGEST_AGENCY,
  SUGGEST_JOB,
  N_SUGGEST_COLUMNS
};

/* Who is in the session and what they do in each round.  Names are shown
 * here and nowhere else.  Every control writes through a people.* action
 * to the store; the store's ::changed signal brings the rows up to date in
 * place, so a field being typed in keeps its focus. */
struct _ReflectPeopleView
{
  GtkWidget         parent_instance;

  AdwToastOverlay  *toast_overlay;
  GtkLabel         *round_title;
  GtkButton        *copy_button;
  GtkDropDown      *round_dropdown;
  GtkStringList    *rounds;
  GtkLabel         *round_note;
  GtkEntry         *new_name;
  GtkComboBoxText  *new_agency;
  GtkEntry         *new_job;
  GtkLabel         *add_message;
  GtkListBox       *list;
  GtkBox           *spread_box;
  GtkLabel         *spread_summary;
  GtkGrid          *spread_grid;
  GtkLabel         *spread_counts[6];

  GtkListStore     *suggestions;

  ReflectRun       *run;
  ReflectStore     *store;
  gulong            changed_id;
  gulong            round_id_handler;
  guint             shown_round;    /* 0 until a run is set */
  gboolean          filling_rounds;
  gboolean          refreshing;
  gboolean          refresh_again;

  /* The last person removed, for Undo. */
  ReflectAttendee  *removed;
  char             *removed_role;
};

G_DEFINE_FINAL_TYPE (ReflectPeopleView, reflect_people_view, GTK_TYPE_WIDGET)

static void refresh (ReflectPeopleView *self);

static gint64
session_id (ReflectPeopleView *self)
{
  return reflect_session_get_id (reflect_run_get_session (self->run));
}

static ReflectModel *
model (ReflectPeopleView *self)
{
  return reflect_run_get_model (self->run);
}

static gboolean
is_morrison (ReflectPeopleView *self)
{
  /* The confidence scale is part of the Morrison cycle; models are data,
   * so it is keyed on the model id a copy of it keeps as "based on". */
  ReflectModel *m = model (self);
  return m != NULL && (g_strcmp0 (reflect_model_get_id (m), "morrison") == 0 ||
                       g_strcmp0 (reflect_model_get_based_on (m), "morrison") == 0);
}

static gint64
shown_round_id (ReflectPeopleView *self)
{
  if (self->shown_round == reflect_run_get_round (self->run))
    return reflect_run_get_round_id (self->run);
  return reflect_store_get_round_id (self->store, session_id (self), self->shown_round, NULL);
}

static gboolean
roles_editable (ReflectPeopleView *self)
{
  return self->shown_round == reflect_run_get_round (self->run);
}

static const char *
role_title (ReflectPeopleView *self,
            const char        *role)
{
  const char *title = model (self) ? reflect_model_get_role_title (model (self), role) : NULL;
  return title ? title : role;
}

static ReflectAttendeeRow *
find_row (ReflectPeopleView *self,
          gint64             attendee_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child;
       child = gtk_widget_get_next_sibling (child))
    if (REFLECT_IS_ATTENDEE_ROW (child) &&
        reflect_attendee_row_get_id (REFLECT_ATTENDEE_ROW (child)) == attendee_id)
      return REFLECT_ATTENDEE_ROW (child);
  return NULL;
}

/* One message at a time: an older one left on another row read as if it
 * were about what was just done. */
static void
show_row_message (ReflectPeopleView  *self,
                  ReflectAttendeeRow *row,
                  const char         *message,
                  const char         *replace_role)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child;
       child = gtk_widget_get_next_sibling (child))
    if (REFLECT_IS_ATTENDEE_ROW (child) && child != GTK_WIDGET (row))
      reflect_attendee_row_clear_message (REFLECT_ATTENDEE_ROW (child));
  reflect_attendee_row_show_message (row, message, replace_role);
}

static void
remove_rows (ReflectPeopleView *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (self->list, child);
      child = next;
    }
}

static void
fill_agencies (ReflectPeopleView *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) agencies = NULL;
  GtkWidget *entry = gtk_combo_box_get_child (GTK_COMBO_BOX (self->new_agency));
  g_autofree char *typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  gtk_combo_box_text_remove_all (self->new_agency);
  if (self->store == NULL)
    return;

  agencies = reflect_store_list_agencies (self->store, &error);
  if (error != NULL)
    g_warning ("%s", error->message);
  for (guint i = 0; agencies != NULL && agencies[i] != NULL; i++)
    gtk_combo_box_text_append_text (self->new_agency, agencies[i]);
  gtk_editable_set_text (GTK_EDITABLE (entry), typed);
}

static void
update_rounds (ReflectPeopleView *self)
{
  guint current = reflect_run_get_round (self->run);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rounds));

  self->filling_rounds = TRUE;
  if (n != current)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 1; i <= current; i++)
        g_ptr_array_add (names, g_strdup_printf (_("Round %u"), i));
      g_ptr_array_add (names, NULL);
      gtk_string_list_splice (self->rounds, 0, n, (const char * const *)names->pdata);
    }
  gtk_drop_down_set_selected (self->round_dropdown, self->shown_round - 1);
  self->filling_rounds = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->round_dropdown), current > 1);
}

static void
update_header (ReflectPeopleView *self,
               GListModel        *attendees)
{
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  gboolean has_facilitator = FALSE;
  gboolean any_role = FALSE;
  guint current = reflect_run_get_round (self->run);

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(ReflectAttendee) a = g_list_model_get_item (attendees, i);
      const char *role = reflect_attendee_get_role (a);

      if (g_strcmp0 (role, "facilitator") == 0)
        has_facilitator = TRUE;
      if (g_strcmp0 (role, "consultant") != 0)
        any_role = TRUE;
    }

  /* Translators: a heading: "Round 2 roles" */
  title = g_strdup_printf (_("Round %u roles"), self->shown_round);
  gtk_label_set_text (self->round_title, title);

  gtk_widget_remove_css_class (GTK_WIDGET (self->round_note), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->round_note), "dim-label");
  if (!roles_editable (self))
    {
      note = g_strdup_printf (_("Round %u is on record and its roles are shown as they were. Roles can be changed in round %u, the current round."),
                              self->shown_round, current);
      gtk_widget_add_css_class (GTK_WIDGET (self->round_note), "dim-label");
    }
  else if (!has_facilitator && g_list_model_get_n_items (attendees) > 0)
    {
      note = g_strdup_printf (_("Nobody is the %s for this round yet: choose one below."),
                              role_title (self, "facilitator"));
      gtk_widget_add_css_class (GTK_WIDGET (self->round_note), "warning");
    }
  gtk_label_set_text (self->round_note, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->round_note), note != NULL);

  if (current > 1 && roles_editable (self) && !any_role)
    {
      g_autofree char *label = g_strdup_printf (_("Copy Roles from Round %u"), current - 1);
      gtk_button_set_label (self->copy_button, label);
      gtk_widget_set_visible (GTK_WIDGET (self->copy_button), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->copy_button), FALSE);
    }
}

static void
update_spread (ReflectPeopleView *self,
               GListModel        *attendees)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  ReflectConfidenceSpread spread;
  guint n_present = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->spread_box), is_morrison (self));
  if (!is_morrison (self))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(ReflectAttendee) a = g_list_model_get_item (attendees, i);
      n_present += reflect_attendee_get_present (a);
    }

  if (!reflect_store_get_confidence_spread (self->store, session_id (self), &spread, &error))
    {
      gtk_label_set_text (self->spread_summary, error->message);
      return;
    }

  if (spread.n_scored == 0)
    summary = g_strdup (_("No scores yet. Each member may give a score from 0 to 5, or leave it blank."));
  else if (spread.lowest == spread.highest)
    summary = g_strdup_printf (_("%u of %u present members scored, all at %d."),
                               spread.n_scored, n_present, spread.lowest);
  else
    summary = g_strdup_printf (_("%u of %u present members scored: lowest %d, highest %d. The difference is worth talking about."),
                               spread.n_scored, n_present, spread.lowest, spread.highest);
  gtk_label_set_text (self->spread_summary, summary);

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *count = g_strdup_printf ("%u", spread.count[i]);
      g_autofree char *description =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member scored %u",
                                      "%u members scored %u", spread.count[i]),
                         spread.count[i], i);
      gtk_label_set_text (self->spread_counts[i], count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->spread_counts[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
    }
}

static void
refresh_once (ReflectPeopleView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) attendees = NULL;
  gboolean same = TRUE;
  guint n, i = 0;

  if (self->run == NULL)
    return;

  if (self->shown_round == 0 || self->shown_round > reflect_run_get_round (self->run))
    self->shown_round = reflect_run_get_round (self->run);
  update_rounds (self);

  attendees = reflect_store_list_attendees (self->store, session_id (self),
                                            shown_round_id (self), &error);
  if (attendees == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  n = g_list_model_get_n_items (attendees);

  /* The same people in the same order: update the rows in place. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(ReflectAttendee) a = NULL;

      if (!REFLECT_IS_ATTENDEE_ROW (child))
        continue;
      if (i >= n)
        {
          same = FALSE;
          break;
        }
      a = g_list_model_get_item (attendees, i++);
      if (reflect_attendee_row_get_id (REFLECT_ATTENDEE_ROW (child)) != reflect_attendee_get_id (a))
        {
          same = FALSE;
          break;
        }
    }
  same = same && i == n;

  if (!same)
    {
      remove_rows (self);
      for (i = 0; i < n; i++)
        {
          g_autoptr(ReflectAttendee) a = g_list_model_get_item (attendees, i);
          GtkWidget *row = reflect_attendee_row_new (model (self), is_morrison (self));

          reflect_attendee_row_set_attendee (REFLECT_ATTENDEE_ROW (row), a, roles_editable (self));
          gtk_list_box_append (self->list, row);
        }
    }
  else
    {
      for (i = 0; i < n; i++)
        {
          g_autoptr(ReflectAttendee) a = g_list_model_get_item (attendees, i);
          ReflectAttendeeRow *row = find_row (self, reflect_attendee_get_id (a));
          reflect_attendee_row_set_attendee (row, a, roles_editable (self));
        }
    }

  update_header (self, attendees);
  update_spread (self, attendees);
}

/* Rebuilding the rows can save a field that loses the focus, which
 * changes the store and asks for another refresh: that one waits its turn
 * instead of rebuilding the list from inside itself. */
static void
refresh (ReflectPeopleView *self)
{
  if (self->refreshing)
    {
      self->refresh_again = TRUE;
      return;
    }

  self->refreshing = TRUE;
  do
    {
      self->refresh_again = FALSE;
      refresh_once (self);
    }
  while (self->refresh_again && self->run != NULL);
  self->refreshing = FALSE;
}

/* After a refused change, the row goes back to what is stored. */
static void
reset_row (ReflectPeopleView  *self,
           ReflectAttendeeRow *row)
{
  g_autoptr(ReflectAttendee) stored = NULL;

  stored = reflect_store_load_attendee (self->store, reflect_attendee_row_get_id (row),
                                        shown_round_id (self), NULL);
  if (stored != NULL)
    reflect_attendee_row_set_attendee (row, stored, roles_editable (self));
  else
    refresh (self);
}

static void
report (ReflectPeopleView *self,
        gint64             attendee_id,
        GError            *error,
        const char        *replace_role)
{
  ReflectAttendeeRow *row = find_row (self, attendee_id);

  if (row == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      refresh (self);
      return;
    }
  reset_row (self, row);
  show_row_message (self, row, error->message, replace_role);
}

static void
succeeded (ReflectPeopleView *self,
           gint64             attendee_id)
{
  ReflectAttendeeRow *row = find_row (self, attendee_id);
  if (row != NULL)
    reflect_attendee_row_clear_message (row);
}

static void
store_changed_cb (ReflectPeopleView *self,
                  gint64             changed_session_id)
{
  if (self->run != NULL && changed_session_id == session_id (self))
    refresh (self);
}

static void
run_round_changed_cb (ReflectPeopleView *self)
{
  /* A new round: show it, with its roles open for reassigning. */
  self->shown_round = reflect_run_get_round (self->run);
  refresh (self);
}

static void
round_selected_cb (ReflectPeopleView *self)
{
  guint selected = gtk_drop_down_get_selected (self->round_dropdown);

  if (self->filling_rounds || self->run == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (self->shown_round == selected + 1)
    return;
  self->shown_round = selected + 1;
  refresh (self);
}

static void
fill_suggestions (ReflectPeopleView *self)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) present = NULL;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->new_name));
  guint shown = 0;

  gtk_list_store_clear (self->suggestions);
  if (self->run == NULL || typed[0] == '\0')
    return;

  people = reflect_store_suggest_people (self->store, typed, N_SUGGESTIONS * 2, NULL);
  present = reflect_store_list_attendees (self->store, session_id (self), 0, NULL);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people) &&
                    shown < N_SUGGESTIONS; i++)
    {
      g_autoptr(ReflectAttendee) person = g_list_model_get_item (people, i);
      const char *name = reflect_attendee_get_name (person);
      const char *agency = reflect_attendee_get_agency (person);
      const char *job = reflect_attendee_get_job_title (person);
      g_autofree char *label = NULL;
      gboolean here = FALSE;

      /* Someone already in this session is not offered twice. */
      for (guint j = 0; present != NULL && j < g_list_model_get_n_items (present) && !here; j++)
        {
          g_autoptr(ReflectAttendee) other = g_list_model_get_item (present, j);
          here = g_utf8_collate (reflect_attendee_get_name (other), name) == 0;
        }
      if (here)
        continue;

      if (job[0] != '\0' && agency[0] != '\0')
        /* Translators: a suggested person: name — job title, agency */
        label = g_strdup_printf (_("%s — %s, %s"), name, job, agency);
      else if (agency[0] != '\0' || job[0] != '\0')
        label = g_strdup_printf (_("%s — %s"), name, agency[0] ? agency : job);
      else
        label = g_strdup (name);

      gtk_list_store_insert_with_values (self->suggestions, NULL, -1,
                                         SUGGEST_LABEL, label, SUGGEST_NAME, name,
                                         SUGGEST_AGENCY, agency, SUGGEST_JOB, job, -1);
      shown++;
    }
}

static void
new_name_changed_cb (ReflectPeopleView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->add_message), FALSE);
  fill_suggestions (self);
}

static gboolean
suggestion_match_cb (GtkEntryCompletion *completion,
                     const char         *key,
                     GtkTreeIter        *iter,
                     gpointer            user_data)
{
  /* The store has already matched names and words by prefix. */
  return TRUE;
}

static gboolean
suggestion_selected_cb (ReflectPeopleView  *self,
                        GtkTreeModel       *tree_model,
                        GtkTreeIter        *iter)
{
  g_autofree char *name = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *job = NULL;
  GtkWidget *agency_entry = gtk_combo_box_get_child (GTK_COMBO_BOX (self->new_agency));

  gtk_tree_model_get (tree_model, iter, SUGGEST_NAME, &name, SUGGEST_AGENCY, &agency,
                      SUGGEST_JOB, &job, -1);
  gtk_editable_set_text (GTK_EDITABLE (agency_entry), agency);
  gtk_editable_set_text (GTK_EDITABLE (self->new_job), job);
  gtk_editable_set_text (GTK_EDITABLE (self->new_name), name);
  gtk_editable_set_position (GTK_EDITABLE (self->new_name), -1);
  return TRUE;
}

static void
add_entry_activated_cb (ReflectPeopleView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "people.add", NULL);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReflectPeopleView *self = REFLECT_PEOPLE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *agency_entry = gtk_combo_box_get_child (GTK_COMBO_BOX (self->new_agency));
  gint64 id;

  if (self->run == NULL)
    return;

  id = reflect_store_add_attendee (self->store, session_id (self),
                                   gtk_editable_get_text (GTK_EDITABLE (self->new_name)),
                                   gtk_editable_get_text (GTK_EDITABLE (agency_entry)),
                                   gtk_editable_get_text (GTK_EDITABLE (self->new_job)),
                                   &error);
  if (id == 0)
    {
      /* What was typed stays, so it can be corrected. */
      gtk_label_set_text (self->add_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->add_message), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_name),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->add_message), FALSE);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->new_name),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_editable_set_text (GTK_EDITABLE (self->new_name), "");
  gtk_editable_set_text (GTK_EDITABLE (agency_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_job), "");
  fill_agencies (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_name));
}

static void
update_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ReflectPeopleView *self = REFLECT_PEOPLE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  const char *name, *agency, *job;
  gint64 id;

  if (self->run == NULL)
    return;

  g_variant_get (parameter, "(x&s&s&s)", &id, &name, &agency, &job);
  if (!reflect_store_update_attendee (self->store, id, name, agency, job, &error))
    {
      /* Not reset: the typed text stays for the user to correct. */
      ReflectAttendeeRow *row = find_row (self, id);
      if (row != NULL)
        show_row_message (self, row, error->message, NULL);
      return;
    }
  succeeded (self, id);
  fill_agencies (self);
}

static void
set_present_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ReflectPeopleView *self = REFLECT_PEOPLE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gboolean present;
  gint64 id;

  if (self->run == NULL)
    return;

  g_variant_get (parameter, "(xb)", &id, &present);
  if (!reflect_store_set_attendee_present (self->store, id, present, &error))
    report (self, id, error, NULL);
  else
    succeeded (self, id);
}

static void
set_confidence_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ReflectPeopleView *self = REFLECT_PEOPLE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  int confidence;
  gint64 id;

  if (self->run == NULL)
    return;

  g_variant_get (parameter, "(xi)", &id, &confidence);
  if (!reflect_store_set_attendee_confidence (self->store, id, confidence, &error))
    report (self, id, error, NULL);
  else
    succeeded (self, id);
}

static void
change_role (ReflectPeopleView *self,
             GVariant          *parameter,
             gboolean           replace)
{
  g_autoptr(GError) error = NULL;
  const char *role;
  gint64 id;
  gboolean ok;

  if (self->run == NULL)
    return;

  g_variant_get (parameter, "(x&s)", &id, &role);
  if (!roles_editable (self))
    {
      ReflectAttendeeRow *row = find_row (self, id);
      if (row != NULL)
        {
          reset_row (self, row);
          show_row_message (self, row,
                            _("Roles of an earlier round are on record and cannot be changed."),
                            NULL);
        }
      return;
    }

  if (replace)
    ok = reflect_store_replace_role (self->store, reflect_run_get_round_id (self->run), id, role,
                                     &error);
  else
    ok = reflect_store_set_role (self->store, reflect_run_get_round_id (self->run), id, role,
                                 &error);

  if (!ok)
    report (self, id, error,
            g_error_matches (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_ROLE_TAKEN)
              ? role : NULL);
  else
    succeeded (self, id);
}

static void
set_role_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  change_role (REFLECT_PEOPLE_VIEW (widget), parameter, FALSE);
}

static void
replace_role_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  change_role (REFLECT_PEOPLE_VIEW (widget), parameter, TRUE);
}

static void
remove_attendee (ReflectPeopleView *self,
                 gint64             id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectAttendee) removed = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  removed = reflect_store_load_attendee (self->store, id, reflect_run_get_round_id (self->run),
                                         &error);
  if (removed == NULL || !reflect_store_delete_attendee (self->store, id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      refresh (self);
      return;
    }

  g_set_object (&self->removed, removed);
  g_free (self->removed_role);
  self->removed_role = g_strdup (reflect_attendee_get_role (removed));

  message = g_strdup_printf (_("%s removed"), reflect_attendee_get_name (removed));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "people.undo-remove");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_name));
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  g_autoptr(ReflectPeopleView) self = user_data;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "attendee-id"));

  if (g_strcmp0 (response, "remove") == 0 && self->run != NULL)
    remove_attendee (self, id);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ReflectPeopleView *self = REFLECT_PEOPLE_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autofree char *holder_name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->run == NULL)
    return;

  if (reflect_store_get_role_holder (self->store, reflect_run_get_round_id (self->run),
                                     "facilitator", &holder_name, NULL) != id)
    {
      remove_attendee (self, id);
      return;
    }

  /* The facilitator leaving empties a role the session depends on: ask. */
  heading = g_strdup_printf (_("Remove %s?"), holder_name);
  body = g_strdup_printf (_("%s is the %s for round %u. Removing them leaves the role empty until you choose someone else."),
                          holder_name, role_title (self, "facilitator"),
                          reflect_run_get_round (self->run));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "attendee-id", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect (dialog, "response", G_CALLBACK (remove_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_remove_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ReflectPeopleView *self = REFLECT_PEOPLE_VIEW (widget);
  g_autoptr(ReflectAttendee) removed = g_steal_pointer (&self->removed);
  g_autofree char *role = g_steal_pointer (&self->removed_role);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (removed == NULL || self->run == NULL ||
      reflect_attendee_get_session_id (removed) != session_id (self))
    return;

  /* Added again as a new row: the name was deleted, not hidden. */
  id = reflect_store_add_attendee (self->store, session_id (self),
                                   reflect_attendee_get_name (removed),
                                   reflect_attendee_get_agency (removed),
                                   reflect_attendee_get_job_title (removed), &error);
  if (id == 0 ||
      (!reflect_attendee_get_present (removed) &&
       !reflect_store_set_attendee_present (self->store, id, FALSE, &error)) ||
      (reflect_attendee_get_confidence (removed) >= 0 &&
       !reflect_store_set_attendee_confidence (self->store, id,
                                               reflect_attendee_get_confidence (removed), &error)))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  /* The role comes back only if nobody has taken it meanwhile. */
  if (role != NULL && g_strcmp0 (role, "consultant") != 0 && role[0] != '\0')
    reflect_store_set_role (self->store, reflect_run_get_round_id (self->run), id, role, NULL);
}

static void
copy_roles_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ReflectPeopleView *self = REFLECT_PEOPLE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  guint current;
  gint64 previous;

  if (self->run == NULL || (current = reflect_run_get_round (self->run)) < 2)
    return;

  previous = reflect_store_get_round_id (self->store, session_id (self), current - 1, &error);
  if (previous == 0 ||
      !reflect_store_copy_roles (self->store, previous, reflect_run_get_round_id (self->run),
                                 &error))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (error ? error->message
                                                      : _("The previous round could not be found.")));
}

static void
focus_add_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (widget);
}

static void
disconnect_run (ReflectPeopleView *self)
{
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  if (self->run != NULL)
    g_clear_signal_handler (&self->round_id_handler, self->run);
  g_clear_object (&self->store);
  g_clear_object (&self->run);
  g_clear_object (&self->removed);
  g_clear_pointer (&self->removed_role, g_free);
}

static void
reflect_people_view_dispose (GObject *object)
{
  ReflectPeopleView *self = (ReflectPeopleView *)object;

  disconnect_run (self);
  g_clear_object (&self->suggestions);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (reflect_people_view_parent_class)->dispose (object);
}

/* Focusing the view is to add the next person. */
static gboolean
reflect_people_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (REFLECT_PEOPLE_VIEW (widget)->new_name));
}

static void
reflect_people_view_class_init (ReflectPeopleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_people_view_dispose;
  widget_class->grab_focus = reflect_people_view_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-people-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectPeopleView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReflectPeopleView, round_title);
  gtk_widget_class_bind_template_child (widget_class, ReflectPeopleView, copy_button);
  gtk_widget_class_bind_template_child (widget_class, ReflectPeopleView, round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReflectPeopleView, rounds);
  gtk_widget_class_bind_template_child (widget_class, ReflectPeopleView, round_note);
  gtk_widget_class_bind_template_child (widget_class, ReflectPeopleView, new_name);
  gtk_widget_class_bind_template_child (widget_class, ReflectPeopleView, new_agency);
  gtk_widget_class_bind_template_child (widget_class, ReflectPeopleView, new_job);
  gtk_widget_class_bind_template_child (widget_class, ReflectPeopleView, add_message);
  gtk_widget_class_bind_template_child (widget_class, ReflectPeopleView, list);
  gtk_widget_class_bind_template_child (widget_class, ReflectPeopleView, spread_box);
  gtk_widget_class_bind_template_child (widget_class, ReflectPeopleView, spread_summary);
  gtk_widget_class_bind_template_child (widget_class, ReflectPeopleView, spread_grid);
  gtk_widget_class_bind_template_callback (widget_class, round_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_name_changed_cb);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "people.update", "(xsss)", update_activated);
  gtk_widget_class_install_action (widget_class, "people.set-present", "(xb)",
                                   set_present_activated);
  gtk_widget_class_install_action (widget_class, "people.set-confidence", "(xi)",
                                   set_confidence_activated);
  gtk_widget_class_install_action (widget_class, "people.set-role", "(xs)", set_role_activated);
  gtk_widget_class_install_action (widget_class, "people.replace-role", "(xs)",
                                   replace_role_activated);
  gtk_widget_class_install_action (widget_class, "people.delete", "x", delete_activated);
  gtk_widget_class_install_action (widget_class, "people.undo-remove", NULL,
                                   undo_remove_activated);
  gtk_widget_class_install_action (widget_class, "people.copy-roles", NULL,
                                   copy_roles_activated);
  gtk_widget_class_install_action (widget_class, "people.focus-add", NULL, focus_add_activated);
}

/* Tab from the agency goes on to the job title, as people type the three
 * in turn: a stop on the list's arrow took the job title, and Return there
 * opened the list.  The list is still a click, or Alt+Down, away. */
static void
take_arrows_out_of_tab_order (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        {
          gtk_widget_set_focusable (child, FALSE);
          gtk_widget_set_focus_on_click (child, FALSE);
        }
      else
        take_arrows_out_of_tab_order (child);
    }
}

static void
reflect_people_view_init (ReflectPeopleView *self)
{
  g_autoptr(GtkEntryCompletion) completion = NULL;
  GtkWidget *agency_entry;

  gtk_widget_init_template (GTK_WIDGET (self));

  agency_entry = gtk_combo_box_get_child (GTK_COMBO_BOX (self->new_agency));
  gtk_entry_set_placeholder_text (GTK_ENTRY (agency_entry), _("Agency"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (agency_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Agency of the person to add"), -1);
  g_signal_connect_object (agency_entry, "activate", G_CALLBACK (add_entry_activated_cb), self,
                           G_CONNECT_SWAPPED);
  take_arrows_out_of_tab_order (GTK_WIDGET (self->new_agency));

  reflect_view_add_shortcut (GTK_WIDGET (self), GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                             "people.focus-add", NULL);

  /* Earlier attendees, offered as the name is typed. */
  self->suggestions = gtk_list_store_new (N_SUGGEST_COLUMNS, G_TYPE_STRING, G_TYPE_STRING,
                                          G_TYPE_STRING, G_TYPE_STRING);
  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->suggestions));
  gtk_entry_completion_set_text_column (completion, SUGGEST_LABEL);
  gtk_entry_completion_set_match_func (completion, suggestion_match_cb, NULL, NULL);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  g_signal_connect_object (completion, "match-selected", G_CALLBACK (suggestion_selected_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_entry_set_completion (self->new_name, completion);

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *score = g_strdup_printf ("%u", i);
      GtkWidget *heading = gtk_label_new (score);

      gtk_widget_add_css_class (heading, "dim-label");
      gtk_grid_attach (self->spread_grid, heading, (int)i + 1, 0, 1, 1);
      self->spread_counts[i] = GTK_LABEL (gtk_label_new ("0"));
      gtk_widget_add_css_class (GTK_WIDGET (self->spread_counts[i]), "heading");
      gtk_grid_attach (self->spread_grid, GTK_WIDGET (self->spread_counts[i]), (int)i + 1, 1, 1, 1);
    }
  gtk_grid_attach (self->spread_grid, gtk_label_new (_("Score")), 0, 0, 1, 1);
  gtk_grid_attach (self->spread_grid, gtk_label_new (_("Members")), 0, 1, 1, 1);
}

/**
 * reflect_people_view_set_run:
 * @run: (nullable): the session being run, or %NULL when it is closed
 */
void
reflect_people_view_set_run (ReflectPeopleView *self,
                             ReflectRun        *run)
{
  g_return_if_fail (REFLECT_IS_PEOPLE_VIEW (self));

  if (run == self->run)
    return;

  disconnect_run (self);
  remove_rows (self);
  self->shown_round = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->new_name), "");
  gtk_widget_set_visible (GTK_WIDGET (self->add_message), FALSE);

  if (run == NULL)
    return;

  self->run = g_object_ref (run);
  self->store = g_object_ref (reflect_run_get_store (run));
  self->changed_id = g_signal_connect_object (self->store, "changed",
                                              G_CALLBACK (store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  self->round_id_handler = g_signal_connect_object (run, "notify::round",
                                                    G_CALLBACK (run_round_changed_cb), self,
                                                    G_CONNECT_SWAPPED);
  fill_agencies (self);
  refresh (self);
}
