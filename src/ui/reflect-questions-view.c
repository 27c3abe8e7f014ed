/* reflect-questions-view.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-questions-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reflect-a11y.h"
#include "reflect-question-filter.h"
#include "reflect-questions-view.h"
#include "reflect-store-questions.h"
#include "reflect-utils.h"
#include "reflect-view-shortcuts.h"

/* The question banks side by side: browse a bank's sections in the
 * guidance's order, or search every bank as you type; ask a question,
 * star it, write your own; the session's asked log on its own page.
 *
 * One GtkListView shows either the chosen section or, while searching or
 * showing favourites, every question of every bank through a flattened
 * model, so a search over thousands of questions filters plain folded
 * bytes and builds widgets only for the rows on screen. */
struct _ReflectQuestionsView
{
  GtkWidget           parent_instance;

  AdwFlap            *flap;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *favourites_button;
  GtkDropDown        *bank_dropdown;
  GtkListBox         *section_list;
  GtkLabel           *heading_label;
  GtkLabel           *citation_label;
  GtkLabel           *description_label;
  GtkLabel           *summary_label;
  GtkStack           *content_stack;
  GtkStack           *list_stack;
  GtkListView        *question_list;
  AdwStatusPage      *empty_page;
  GtkStackPage       *asked_page;
  GtkStack           *asked_stack;
  GtkListBox         *asked_list;

  ReflectRun         *run;
  ReflectStore       *store;
  ReflectCatalog     *catalog;
  gulong              store_changed_id;
  gulong              banks_changed_id;

  GtkStringList      *bank_titles;
  GListModel         *all_questions;   /* every question of every bank */
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char              **words;
  char               *bank_id;
  char               *section_id;
  gboolean            rebuilding;

  GListStore         *asked;           /* ReflectAskedQuestion of the session */
  GHashTable         *asked_ids;       /* question id → times asked */
  GHashTable         *bound_rows;      /* row widgets on screen */

  GtkNativeDialog    *chooser;
  char               *pending_data;    /* an import waiting for "Replace?" */
  char               *pending_name;
};

G_DEFINE_FINAL_TYPE (ReflectQuestionsView, reflect_questions_view, GTK_TYPE_WIDGET)

static void refresh (ReflectQuestionsView *self);

static ReflectQuestionBank *
current_bank (ReflectQuestionsView *self)
{
  if (self->catalog == NULL || self->bank_id == NULL)
    return NULL;
  return reflect_catalog_find_bank (self->catalog, self->bank_id);
}

static gboolean
is_searching (ReflectQuestionsView *self)
{
  return (self->words != NULL && self->words[0] != NULL) ||
         gtk_toggle_button_get_active (self->favourites_button);
}

static void
show_error (ReflectQuestionsView *self,
            const char           *heading,
            const char           *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rows of the question list ------------------------------------------- */

static ReflectQuestion *
row_question (GtkWidget *widget)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (widget), "row");
  return g_object_get_data (G_OBJECT (row ? row : widget), "question");
}

/* A macro so that the format is checked where it is written. */
#define set_label(widget, format, text)                                                  \
  G_STMT_START {                                                                         \
    g_autofree char *label_ = g_strdup_printf (format, text);                            \
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, \
                                    label_, -1);                                         \
  } G_STMT_END

static void
update_row (ReflectQuestionsView *self,
            GtkWidget            *row)
{
  ReflectQuestion *question = g_object_get_data (G_OBJECT (row), "question");
  GtkWidget *star = g_object_get_data (G_OBJECT (row), "star");
  const char *text;
  g_autofree char *markup = NULL;
  g_autofree char *meta = NULL;
  gboolean favourite;
  gboolean custom;

  if (question == NULL)
    return;

  text = reflect_question_get_text (question);
  favourite = reflect_question_get_favourite (question);
  custom = reflect_question_is_custom (question);

  markup = reflect_question_highlight (text, (const char * const *)self->words);
  gtk_label_set_markup (g_object_get_data (G_OBJECT (row), "text"), markup);

  /* Searching mixes banks: say where each comes from. */
  if (is_searching (self))
    meta = g_strdup_printf (custom ? _("%s · %s · your question") : _("%s · %s"),
                            reflect_question_get_bank_title (question),
                            reflect_question_get_section_title (question));
  else if (custom)
    meta = g_strdup (_("Your question"));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "meta"), meta ? meta : "");
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "meta"), meta != NULL);

  g_object_set_data (G_OBJECT (star), "updating", GINT_TO_POINTER (TRUE));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (star), favourite);
  g_object_set_data (G_OBJECT (star), "updating", NULL);
  gtk_button_set_icon_name (GTK_BUTTON (star), favourite ? "starred-symbolic"
                                                        : "non-starred-symbolic");
  /* Setting the icon labels the button by its image again. */
  reflect_hide_button_icons (star);
  gtk_widget_set_tooltip_text (star, favourite ? _("Remove from favourites")
                                               : _("Add to favourites"));
  set_label (star, favourite ? _("Remove from favourites: %s") : _("Add to favourites: %s"), text);

  set_label (g_object_get_data (G_OBJECT (row), "ask"), _("Ask question: %s"), text);
  set_label (g_object_get_data (G_OBJECT (row), "edit"), _("Edit question: %s"), text);
  set_label (g_object_get_data (G_OBJECT (row), "delete"), _("Delete question: %s"), text);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "edit"), custom);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "delete"), custom);
  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "ask"), self->run != NULL);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "asked"),
                          g_hash_table_contains (self->asked_ids,
                                                 reflect_question_get_id (question)));
}

static void
update_bound_rows (ReflectQuestionsView *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    update_row (self, row);
}

static void
ask (ReflectQuestionsView *self,
     ReflectQuestion      *question)
{
  g_autoptr(GError) error = NULL;

  if (self->run == NULL || question == NULL)
    return;

  if (reflect_questions_ask (self->run, reflect_question_get_id (question),
                             reflect_question_get_text (question), &error) == 0)
    show_error (self, _("The Question Was Not Logged"), error->message);
}

static void
ask_clicked_cb (GtkButton            *button,
                ReflectQuestionsView *self)
{
  ask (self, row_question (GTK_WIDGET (button)));
}

static void
star_toggled_cb (GtkToggleButton      *star,
                 ReflectQuestionsView *self)
{
  g_autoptr(GError) error = NULL;
  ReflectQuestion *question = row_question (GTK_WIDGET (star));

  if (question == NULL || g_object_get_data (G_OBJECT (star), "updating") || self->store == NULL)
    return;

  if (!reflect_store_set_question_favourite (self->store, question,
                                             gtk_toggle_button_get_active (star), &error))
    show_error (self, _("The Favourite Was Not Saved"), error->message);
}

static void edit_question (ReflectQuestionsView *self, ReflectQuestion *question);
static void delete_question (ReflectQuestionsView *self, ReflectQuestion *question);

static void
edit_clicked_cb (GtkButton            *button,
                 ReflectQuestionsView *self)
{
  edit_question (self, row_question (GTK_WIDGET (button)));
}

static void
delete_clicked_cb (GtkButton            *button,
                   ReflectQuestionsView *self)
{
  delete_question (self, row_question (GTK_WIDGET (button)));
}

static GtkWidget *
row_button (GtkWidget            *row,
            const char           *key,
            const char           *icon_name,
            const char           *tooltip,
            GCallback             callback,
            ReflectQuestionsView *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "row", row);
  g_object_set_data (G_OBJECT (row), key, button);
  g_signal_connect (button, "clicked", callback, self);
  gtk_box_append (GTK_BOX (row), button);
  return button;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ReflectQuestionsView     *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *asked = gtk_image_new_from_icon_name ("object-select-symbolic");
  GtkWidget *star = gtk_toggle_button_new ();
  GtkWidget *ask_button = gtk_button_new_with_mnemonic (_("_Ask"));

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), text);
  gtk_box_append (GTK_BOX (texts), meta);
  gtk_box_append (GTK_BOX (row), texts);

  gtk_widget_set_tooltip_text (asked, _("Asked in this session"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (asked), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Asked in this session"), -1);
  gtk_box_append (GTK_BOX (row), asked);

  /* Given its icon now, not first when bound, so that the icon is made
   * while the row is not yet on screen and can be hidden from screen
   * readers with the rest below; binding changes only the icon's name. */
  gtk_button_set_icon_name (GTK_BUTTON (star), "non-starred-symbolic");
  gtk_widget_set_valign (star, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (star, "flat");
  g_object_set_data (G_OBJECT (star), "row", row);
  g_signal_connect (star, "toggled", G_CALLBACK (star_toggled_cb), self);
  gtk_box_append (GTK_BOX (row), star);

  row_button (row, "edit", "document-edit-symbolic", _("Edit your question"),
              G_CALLBACK (edit_clicked_cb), self);
  row_button (row, "delete", "user-trash-symbolic", _("Delete your question"),
              G_CALLBACK (delete_clicked_cb), self);

  gtk_widget_set_valign (ask_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (ask_button,
                               _("Log it as asked now and show it on the presenter screen"));
  g_object_set_data (G_OBJECT (ask_button), "row", row);
  g_signal_connect (ask_button, "clicked", G_CALLBACK (ask_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), ask_button);

  g_object_set_data (G_OBJECT (row), "text", text);
  g_object_set_data (G_OBJECT (row), "meta", meta);
  g_object_set_data (G_OBJECT (row), "asked", asked);
  g_object_set_data (G_OBJECT (row), "star", star);
  g_object_set_data (G_OBJECT (row), "ask", ask_button);
  reflect_hide_button_icons (row);
  gtk_list_item_set_child (item, row);
}

static void
question_notify_cb (ReflectQuestion *question,
                    GParamSpec      *pspec,
                    GtkWidget       *row)
{
  ReflectQuestionsView *self = g_object_get_data (G_OBJECT (row), "view");

  if (self != NULL)
    update_row (self, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ReflectQuestionsView     *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  ReflectQuestion *question = gtk_list_item_get_item (item);

  g_object_set_data_full (G_OBJECT (row), "question", g_object_ref (question), g_object_unref);
  g_object_set_data (G_OBJECT (row), "view", self);
  g_signal_connect_object (question, "notify", G_CALLBACK (question_notify_cb), row, 0);
  g_hash_table_add (self->bound_rows, row);
  update_row (self, row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ReflectQuestionsView     *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  ReflectQuestion *question = g_object_get_data (G_OBJECT (row), "question");

  if (question != NULL)
    g_signal_handlers_disconnect_by_func (question, question_notify_cb, row);
  g_hash_table_remove (self->bound_rows, row);
  g_object_set_data (G_OBJECT (row), "question", NULL);
}

static void
question_activated_cb (ReflectQuestionsView *self,
                       guint                 position)
{
  g_autoptr(ReflectQuestion) question =
    g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  ask (self, question);
}

/* Filtering ------------------------------------------------------------- */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  ReflectQuestionsView *self = user_data;
  ReflectQuestion *question = item;

  if (gtk_toggle_button_get_active (self->favourites_button) &&
      !reflect_question_get_favourite (question))
    return FALSE;
  return reflect_question_matches (question, (const char * const *)self->words);
}

static gpointer
bank_questions (gpointer item,
                gpointer user_data)
{
  GListModel *questions = reflect_question_bank_get_questions (item);

  g_object_unref (item);
  return g_object_ref (questions);
}

static void
update_header (ReflectQuestionsView *self)
{
  ReflectQuestionBank *bank = current_bank (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  int section = bank && self->section_id ? reflect_question_bank_find_section (bank,
                                                                             self->section_id)
                                         : -1;

  if (is_searching (self))
    {
      g_autofree char *found = NULL;

      found = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question found",
                                            "%u questions found", n), n);
      gtk_label_set_text (self->heading_label,
                          gtk_toggle_button_get_active (self->favourites_button)
                            ? _("Favourites") : _("Search"));
      gtk_label_set_text (self->citation_label, _("From every bank"));
      gtk_label_set_text (self->description_label, found);
      gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
    }
  else if (section >= 0)
    {
      const char *citation = reflect_question_bank_get_citation (bank);
      const char *summary = reflect_question_bank_get_section_summary_prompt (bank, section);
      g_autofree char *source = NULL;
      g_autofree char *summary_text = NULL;

      source = citation && *citation
               ? g_strdup_printf (_("%s. Source: %s"), reflect_question_bank_get_title (bank),
                                  citation)
               : g_strdup (reflect_question_bank_get_title (bank));
      gtk_label_set_text (self->heading_label,
                          reflect_question_bank_get_section_title (bank, section));
      gtk_label_set_text (self->citation_label, source);
      gtk_label_set_text (self->description_label,
                          reflect_question_bank_get_section_description (bank, section));
      gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                              *reflect_question_bank_get_section_description (bank, section));
      summary_text = g_strdup_printf (_("Facilitator’s summary: %s"), summary ? summary : "");
      gtk_label_set_text (self->summary_label, summary_text);
      gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary && *summary);
    }
  else
    {
      gtk_label_set_text (self->heading_label, _("No Section Chosen"));
      gtk_label_set_text (self->citation_label, "");
      gtk_label_set_text (self->description_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
    }

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      if (gtk_toggle_button_get_active (self->favourites_button) &&
          (self->words == NULL || self->words[0] == NULL))
        {
          adw_status_page_set_title (self->empty_page, _("No Favourites Yet"));
          adw_status_page_set_description (self->empty_page,
            _("Press the star beside a question to keep it here for every session."));
        }
      else if (is_searching (self))
        {
          adw_status_page_set_title (self->empty_page, _("No Questions Found"));
          adw_status_page_set_description (self->empty_page,
            _("No question in any bank has all of these words. Try fewer or other words."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Questions in This Section"));
          adw_status_page_set_description (self->empty_page,
            _("The guidance gives this section as an explanation to work from. You can add questions of your own to it."));
        }
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

/* Points the list at the section, or at every bank while searching, and
 * filters again. */
static void
refresh (ReflectQuestionsView *self)
{
  GListModel *model = NULL;

  if (is_searching (self))
    model = self->all_questions;
  else
    {
      ReflectQuestionBank *bank = current_bank (self);
      int section = bank && self->section_id
                    ? reflect_question_bank_find_section (bank, self->section_id) : -1;

      if (section >= 0)
        model = reflect_question_bank_get_section_questions (bank, section);
    }

  if (gtk_filter_list_model_get_model (self->filtered) != model)
    gtk_filter_list_model_set_model (self->filtered, model);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_bound_rows (self);
  update_header (self);
}

static void
search_changed_cb (ReflectQuestionsView *self)
{
  g_strfreev (self->words);
  self->words = reflect_question_fold_query (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_stack_set_visible_child_name (self->content_stack, "browse");
  refresh (self);
}

static void
stop_search_cb (ReflectQuestionsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
favourites_toggled_cb (ReflectQuestionsView *self)
{
  gtk_stack_set_visible_child_name (self->content_stack, "browse");
  refresh (self);
}

/* Banks and sections ---------------------------------------------------- */

static void
update_actions (ReflectQuestionsView *self)
{
  ReflectQuestionBank *bank = current_bank (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questions.add-question",
                                 self->catalog != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questions.import-bank",
                                 self->catalog != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questions.export-bank", bank != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questions.remove-bank",
                                 bank != NULL && !reflect_question_bank_get_builtin (bank));
}

static void
rebuild_sections (ReflectQuestionsView *self)
{
  ReflectQuestionBank *bank = current_bank (self);
  GtkListBoxRow *selected = NULL;
  guint n;

  self->rebuilding = TRUE;
  for (GtkWidget *row; (row = gtk_widget_get_first_child (GTK_WIDGET (self->section_list)));)
    gtk_list_box_remove (self->section_list, row);

  n = bank ? reflect_question_bank_get_n_sections (bank) : 0;
  for (guint s = 0; s < n; s++)
    {
      GtkWidget *label = gtk_label_new (reflect_question_bank_get_section_title (bank, s));
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "section-id",
                              g_strdup (reflect_question_bank_get_section_id (bank, s)), g_free);
      gtk_list_box_append (self->section_list, row);
      if (g_strcmp0 (reflect_question_bank_get_section_id (bank, s), self->section_id) == 0)
        selected = GTK_LIST_BOX_ROW (row);
    }

  if (selected == NULL && n > 0)
    {
      selected = gtk_list_box_get_row_at_index (self->section_list, 0);
      reflect_set_string (&self->section_id, reflect_question_bank_get_section_id (bank, 0));
    }
  else if (n == 0)
    g_clear_pointer (&self->section_id, g_free);

  gtk_list_box_select_row (self->section_list, selected);
  self->rebuilding = FALSE;
  update_actions (self);
}

static void
section_selected_cb (ReflectQuestionsView *self,
                     GtkListBoxRow        *row)
{
  if (self->rebuilding || row == NULL)
    return;

  reflect_set_string (&self->section_id, g_object_get_data (G_OBJECT (row), "section-id"));
  /* Choosing a section is browsing: leave the search. */
  if (is_searching (self))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_toggle_button_set_active (self->favourites_button, FALSE);
    }
  gtk_stack_set_visible_child_name (self->content_stack, "browse");
  /* Folded over the questions, the sections make way for them once one is
   * chosen. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  refresh (self);
}

static void
bank_selected_cb (ReflectQuestionsView *self)
{
  guint position = gtk_drop_down_get_selected (self->bank_dropdown);
  g_autoptr(ReflectQuestionBank) bank = NULL;

  if (self->rebuilding || self->catalog == NULL)
    return;

  bank = g_list_model_get_item (reflect_catalog_get_banks (self->catalog), position);
  if (bank == NULL)
    return;


  reflect_set_string (&self->bank_id, reflect_question_bank_get_id (bank));
  g_clear_pointer (&self->section_id, g_free);
  rebuild_sections (self);
  if (is_searching (self))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_toggle_button_set_active (self->favourites_button, FALSE);
    }
  refresh (self);
}

static void
rebuild_banks (ReflectQuestionsView *self)
{
  GListModel *banks = self->catalog ? reflect_catalog_get_banks (self->catalog) : NULL;
  guint n = banks ? g_list_model_get_n_items (banks) : 0;
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReflectQuestionBank) bank = g_list_model_get_item (banks, i);

      g_strv_builder_add (titles, reflect_question_bank_get_title (bank));
      if (g_strcmp0 (reflect_question_bank_get_id (bank), self->bank_id) == 0)
        selected = i;
    }
  strv = g_strv_builder_end (titles);

  self->rebuilding = TRUE;
  gtk_string_list_splice (self->bank_titles, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->bank_titles)),
                          (const char * const *)strv);
  if (selected == GTK_INVALID_LIST_POSITION && n > 0)
    {
      g_autoptr(ReflectQuestionBank) first = g_list_model_get_item (banks, 0);

      selected = 0;
      reflect_set_string (&self->bank_id, reflect_question_bank_get_id (first));
      g_clear_pointer (&self->section_id, g_free);
    }
  else if (n == 0)
    g_clear_pointer (&self->bank_id, g_free);
  gtk_drop_down_set_selected (self->bank_dropdown, selected);
  self->rebuilding = FALSE;

  rebuild_sections (self);
  refresh (self);
}

static void
banks_changed_cb (ReflectQuestionsView *self)
{
  rebuild_banks (self);
}

/* Shows @bank_id's @section_id (both may be new after a reload). */
static void
show_section (ReflectQuestionsView *self,
              const char           *bank_id,
              const char           *section_id)
{
  reflect_set_string (&self->bank_id, bank_id);
  reflect_set_string (&self->section_id, section_id);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_toggle_button_set_active (self->favourites_button, FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "browse");
  rebuild_banks (self);
}

/* The asked log ---------------------------------------------------------- */

static void
save_response (ReflectQuestionsView *self,
               GtkEditable          *entry)
{
  g_autoptr(GError) error = NULL;
  ReflectAskedQuestion *asked = g_object_get_data (G_OBJECT (entry), "asked");
  const char *saved = g_object_get_data (G_OBJECT (entry), "saved");
  const char *text = gtk_editable_get_text (entry);

  if (asked == NULL || self->store == NULL || g_strcmp0 (saved, text) == 0)
    return;

  if (!reflect_store_set_asked_question_response (self->store,
                                                  reflect_asked_question_get_id (asked), text,
                                                  &error))
    {
      show_error (self, _("The Response Note Was Not Saved"), error->message);
      return;
    }
  g_object_set_data_full (G_OBJECT (entry), "saved", g_strdup (text), g_free);
}

static void
response_activate_cb (GtkEntry             *entry,
                      ReflectQuestionsView *self)
{
  save_response (self, GTK_EDITABLE (entry));
}

static void
response_leave_cb (GtkEventControllerFocus *controller,
                   ReflectQuestionsView    *self)
{
  save_response (self, GTK_EDITABLE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
unmark_clicked_cb (GtkButton            *button,
                   ReflectQuestionsView *self)
{
  g_autoptr(GError) error = NULL;
  ReflectAskedQuestion *asked = g_object_get_data (G_OBJECT (button), "asked");

  if (asked == NULL || self->store == NULL)
    return;
  if (!reflect_store_unmark_question_asked (self->store, reflect_asked_question_get_id (asked),
                                            &error))
    show_error (self, _("The Question Was Not Unmarked"), error->message);
}

static const char *
stage_title (ReflectQuestionsView *self,
             const char           *key)
{
  ReflectModel *model = self->run ? reflect_run_get_model (self->run) : NULL;
  int stage = model ? reflect_model_find_stage (model, key) : -1;

  return stage >= 0 ? reflect_model_stage_get_title (reflect_model_get_stage (model, stage))
                    : key;
}

static GtkWidget *
create_asked_row (gpointer item,
                  gpointer user_data)
{
  ReflectQuestionsView *self = user_data;
  ReflectAskedQuestion *asked = item;
  const char *question = reflect_asked_question_get_question_text (asked);
  g_autoptr(GDateTime) when =
    g_date_time_new_from_unix_local (reflect_asked_question_get_asked_at (asked));
  g_autofree char *time = when ? g_date_time_format (when, "%H:%M") : g_strdup ("");
  g_autofree char *meta = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *meta_label;
  GtkWidget *text_label = gtk_label_new (question);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *unmark = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  GtkEventController *focus = gtk_event_controller_focus_new ();

  reflect_hide_button_icons (unmark);

  if (reflect_asked_question_get_round (asked) > 1)
    /* Translators: time · stage · round number, in the asked log */
    meta = g_strdup_printf (_("%s · %s · round %u"), time,
                            stage_title (self, reflect_asked_question_get_stage_key (asked)),
                            reflect_asked_question_get_round (asked));
  else
    /* Translators: time · stage, in the asked log */
    meta = g_strdup_printf (_("%s · %s"), time,
                            stage_title (self, reflect_asked_question_get_stage_key (asked)));
  meta_label = gtk_label_new (meta);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);

  gtk_label_set_xalign (GTK_LABEL (meta_label), 0);
  gtk_widget_add_css_class (meta_label, "caption");
  gtk_widget_add_css_class (meta_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text_label), 0);
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (text_label), TRUE);

  gtk_editable_set_text (GTK_EDITABLE (entry), reflect_asked_question_get_response (asked));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("A short note of the response"));
  gtk_entry_set_max_length (GTK_ENTRY (entry), REFLECT_ASKED_RESPONSE_MAX);
  gtk_widget_set_hexpand (entry, TRUE);
  set_label (entry, _("Response note for: %s"), question);
  g_object_set_data_full (G_OBJECT (entry), "asked", g_object_ref (asked), g_object_unref);
  g_object_set_data_full (G_OBJECT (entry), "saved",
                          g_strdup (reflect_asked_question_get_response (asked)), g_free);
  g_signal_connect (entry, "activate", G_CALLBACK (response_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (response_leave_cb), self);
  gtk_widget_add_controller (entry, focus);

  gtk_widget_set_tooltip_text (unmark, _("Unmark: take it off the asked list"));
  set_label (unmark, _("Unmark as asked: %s"), question);
  gtk_widget_add_css_class (unmark, "flat");
  g_object_set_data_full (G_OBJECT (unmark), "asked", g_object_ref (asked), g_object_unref);
  g_signal_connect (unmark, "clicked", G_CALLBACK (unmark_clicked_cb), self);

  gtk_box_append (GTK_BOX (line), entry);
  gtk_box_append (GTK_BOX (line), unmark);
  gtk_box_append (GTK_BOX (box), meta_label);
  gtk_box_append (GTK_BOX (box), text_label);
  gtk_box_append (GTK_BOX (box), line);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
reload_asked (ReflectQuestionsView *self)
{
  g_autoptr(GListModel) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n = 0;
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->asked));
  gboolean same;

  if (self->run != NULL)
    {
      log = reflect_store_list_asked_questions (self->store,
                                                reflect_session_get_id (reflect_run_get_session (self->run)),
                                                &error);
      if (log == NULL)
        g_warning ("Could not read the asked log: %s", error->message);
    }
  n = log ? g_list_model_get_n_items (log) : 0;

  /* Only a new or removed row rebuilds the list, so typing a response
   * (which saves and notifies) keeps its entry and its focus. */
  same = n == old_n;
  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(ReflectAskedQuestion) a = g_list_model_get_item (log, i);
      g_autoptr(ReflectAskedQuestion) b = g_list_model_get_item (G_LIST_MODEL (self->asked), i);
      same = reflect_asked_question_get_id (a) == reflect_asked_question_get_id (b);
    }
  if (!same)
  {
    g_hash_table_remove_all (self->asked_ids);
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < n; i++)
      {
        ReflectAskedQuestion *a = g_list_model_get_item (log, i);
        g_hash_table_add (self->asked_ids, g_strdup (reflect_asked_question_get_question_id (a)));
        g_ptr_array_add (items, a);
      }
    g_list_store_splice (self->asked, 0, old_n, items->pdata, items->len);
    update_bound_rows (self);
  }

  title = n > 0 ? g_strdup_printf (_("Asked in This Session (%u)"), n)
                : g_strdup (_("Asked in This Session"));
  gtk_stack_page_set_title (self->asked_page, title);
  gtk_stack_set_visible_child_name (self->asked_stack, n > 0 ? "list" : "empty");
}

static void
store_changed_cb (ReflectQuestionsView *self,
                  gint64                session_id)
{
  if (self->run == NULL)
    return;
  if (session_id == 0 || session_id == reflect_session_get_id (reflect_run_get_session (self->run)))
    reload_asked (self);
}

/* Adding, editing, deleting ---------------------------------------------- */

static GtkWidget *
message_dialog (ReflectQuestionsView *self,
                const char           *heading,
                const char           *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static void
add_dialog_bank_cb (GtkDropDown          *banks,
                    GParamSpec           *pspec,
                    GtkDropDown          *sections)
{
  ReflectCatalog *catalog = g_object_get_data (G_OBJECT (banks), "catalog");
  g_autoptr(ReflectQuestionBank) bank =
    g_list_model_get_item (reflect_catalog_get_banks (catalog), gtk_drop_down_get_selected (banks));
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  const char *wanted = g_object_get_data (G_OBJECT (sections), "wanted");
  guint selected = 0;

  for (guint s = 0; bank && s < reflect_question_bank_get_n_sections (bank); s++)
    {
      gtk_string_list_append (titles, reflect_question_bank_get_section_title (bank, s));
      if (g_strcmp0 (reflect_question_bank_get_section_id (bank, s), wanted) == 0)
        selected = s;
    }
  gtk_drop_down_set_model (sections, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (sections, selected);
}

static void
add_response_cb (AdwMessageDialog     *dialog,
                 const char           *response,
                 ReflectQuestionsView *self)
{
  GtkDropDown *banks = g_object_get_data (G_OBJECT (dialog), "banks");
  GtkDropDown *sections = g_object_get_data (G_OBJECT (dialog), "sections");
  GtkEditable *text = g_object_get_data (G_OBJECT (dialog), "text");
  g_autoptr(ReflectQuestionBank) bank = NULL;
  g_autoptr(GError) error = NULL;
  ReflectQuestion *question;
  const char *section_id;

  if (g_strcmp0 (response, "add") != 0 || self->catalog == NULL)
    return;

  bank = g_list_model_get_item (reflect_catalog_get_banks (self->catalog),
                                gtk_drop_down_get_selected (banks));
  if (bank == NULL)
    return;
  section_id = reflect_question_bank_get_section_id (bank, gtk_drop_down_get_selected (sections));

  question = reflect_store_add_custom_question (self->store, self->catalog,
                                                reflect_question_bank_get_id (bank), section_id,
                                                gtk_editable_get_text (text), &error);
  if (question == NULL)
    {
      show_error (self, _("The Question Was Not Added"), error->message);
      return;
    }
  show_section (self, reflect_question_get_bank_id (question),
                reflect_question_get_section_id (question));
}

static void
add_my_bank_response_cb (AdwMessageDialog     *dialog,
                         const char           *response,
                         ReflectQuestionsView *self)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *text = g_object_get_data (G_OBJECT (dialog), "text");
  ReflectQuestion *question;

  if (g_strcmp0 (response, "mine") != 0 || self->catalog == NULL)
    return;

  question = reflect_store_add_custom_question (self->store, self->catalog, NULL, NULL,
                                                gtk_editable_get_text (text), &error);
  if (question == NULL)
    {
      show_error (self, _("The Question Was Not Added"), error->message);
      return;
    }
  show_section (self, reflect_question_get_bank_id (question),
                reflect_question_get_section_id (question));
}

static void
add_question_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ReflectQuestionsView *self = REFLECT_QUESTIONS_VIEW (widget);
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *banks;
  GtkWidget *sections = gtk_drop_down_new (NULL, NULL);
  GtkWidget *text = gtk_entry_new ();
  GtkWidget *label;
  GListModel *bank_list;
  guint selected = 0;

  if (self->catalog == NULL)
    return;

  bank_list = reflect_catalog_get_banks (self->catalog);
  banks = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->bank_titles)), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (bank_list); i++)
    {
      g_autoptr(ReflectQuestionBank) bank = g_list_model_get_item (bank_list, i);
      if (g_strcmp0 (reflect_question_bank_get_id (bank), self->bank_id) == 0)
        selected = i;
    }

  dialog = message_dialog (self, _("Add a Question"),
                           _("Choose where it goes. The bank’s own questions stay as they are; yours are added after them."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "mine",
                                   _("Add to _My Questions"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "add", _("_Add Here"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");

  label = gtk_label_new_with_mnemonic (_("_Bank"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), banks);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), banks);
  set_label (banks, "%s", _("Bank"));

  label = gtk_label_new_with_mnemonic (_("_Section"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), sections);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), sections);
  set_label (sections, "%s", _("Section"));

  label = gtk_label_new_with_mnemonic (_("_Question"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_entry_set_activates_default (GTK_ENTRY (text), TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (text), REFLECT_QUESTION_MAX_TEXT);
  set_label (text, "%s", _("Question"));
  gtk_box_append (GTK_BOX (box), text);

  g_object_set_data (G_OBJECT (banks), "catalog", self->catalog);
  g_object_set_data_full (G_OBJECT (sections), "wanted", g_strdup (self->section_id), g_free);
  g_signal_connect (banks, "notify::selected", G_CALLBACK (add_dialog_bank_cb), sections);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (banks), selected);
  add_dialog_bank_cb (GTK_DROP_DOWN (banks), NULL, GTK_DROP_DOWN (sections));

  g_object_set_data (G_OBJECT (dialog), "banks", banks);
  g_object_set_data (G_OBJECT (dialog), "sections", sections);
  g_object_set_data (G_OBJECT (dialog), "text", text);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_signal_connect_object (dialog, "response::add", G_CALLBACK (add_response_cb), self, 0);
  g_signal_connect_object (dialog, "response::mine", G_CALLBACK (add_my_bank_response_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (text);
}

static void
edit_response_cb (AdwMessageDialog     *dialog,
                  const char           *response,
                  ReflectQuestionsView *self)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *text = g_object_get_data (G_OBJECT (dialog), "text");
  const char *id = g_object_get_data (G_OBJECT (dialog), "question-id");

  if (!reflect_store_update_custom_question (self->store, self->catalog, id,
                                             gtk_editable_get_text (text), &error))
    show_error (self, _("The Question Was Not Changed"), error->message);
}

static void
edit_question (ReflectQuestionsView *self,
               ReflectQuestion      *question)
{
  GtkWidget *dialog;
  GtkWidget *text = gtk_entry_new ();

  if (question == NULL || !reflect_question_is_custom (question) || self->store == NULL)
    return;

  dialog = message_dialog (self, _("Edit Your Question"), NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "save", _("_Save"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_editable_set_text (GTK_EDITABLE (text), reflect_question_get_text (question));
  gtk_entry_set_activates_default (GTK_ENTRY (text), TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (text), REFLECT_QUESTION_MAX_TEXT);
  set_label (text, "%s", _("Question"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), text);
  g_object_set_data (G_OBJECT (dialog), "text", text);
  g_object_set_data_full (G_OBJECT (dialog), "question-id",
                          g_strdup (reflect_question_get_id (question)), g_free);
  g_signal_connect_object (dialog, "response::save", G_CALLBACK (edit_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (text);
}

static void
delete_response_cb (AdwMessageDialog     *dialog,
                    const char           *response,
                    ReflectQuestionsView *self)
{
  g_autoptr(GError) error = NULL;
  const char *id = g_object_get_data (G_OBJECT (dialog), "question-id");

  if (!reflect_store_delete_custom_question (self->store, self->catalog, id, &error))
    show_error (self, _("The Question Was Not Deleted"), error->message);
  else
    update_header (self);
}

static void
delete_question (ReflectQuestionsView *self,
                 ReflectQuestion      *question)
{
  GtkWidget *dialog;

  if (question == NULL || !reflect_question_is_custom (question) || self->store == NULL)
    return;

  dialog = message_dialog (self, _("Delete Your Question?"), reflect_question_get_text (question));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "delete", _("_Delete"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "question-id",
                          g_strdup (reflect_question_get_id (question)), g_free);
  g_signal_connect_object (dialog, "response::delete", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Import, export, remove -------------------------------------------------- */

static void
import_data (ReflectQuestionsView *self,
             gboolean              replace);

static void
replace_response_cb (AdwMessageDialog     *dialog,
                     const char           *response,
                     ReflectQuestionsView *self)
{
  if (g_strcmp0 (response, "replace") == 0)
    import_data (self, TRUE);
  g_clear_pointer (&self->pending_data, g_free);
  g_clear_pointer (&self->pending_name, g_free);
}

static void
import_data (ReflectQuestionsView *self,
             gboolean              replace)
{
  g_autoptr(GError) error = NULL;
  ReflectQuestionBank *bank;

  bank = reflect_store_import_question_bank (self->store, self->catalog, self->pending_data, -1,
                                             self->pending_name, replace, &error);
  if (bank != NULL)
    {
      show_section (self, reflect_question_bank_get_id (bank),
                    reflect_question_bank_get_section_id (bank, 0));
      return;
    }

  if (g_error_matches (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_BANK_EXISTS))
    {
      GtkWidget *dialog = message_dialog (self, _("Replace the Bank?"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
        _("%s\n\nReplacing it keeps the questions you added to it and your favourites."),
        error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "replace", _("_Replace"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  {
    g_autofree char *body = g_strdup_printf (_("%s\n\nNothing was imported; your banks are as they were."),
                                             error->message);
    show_error (self, _("The Bank Was Not Imported"), body);
  }
}

static void
import_chosen_cb (GtkNativeDialog      *chooser,
                  int                   response,
                  ReflectQuestionsView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error))
    {
      show_error (self, _("The Bank Was Not Imported"), error->message);
      return;
    }

  g_free (self->pending_data);
  self->pending_data = g_strndup (data, length);
  if (strlen (self->pending_data) != length)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *body = g_strdup_printf (_("%s: the file is not text (it holds a zero byte)."),
                                               name);
      show_error (self, _("The Bank Was Not Imported"), body);
      return;
    }
  g_free (self->pending_name);
  self->pending_name = g_file_get_basename (file);
  import_data (self, FALSE);
}

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Question banks (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  return filter;
}

static void
import_bank_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ReflectQuestionsView *self = REFLECT_QUESTIONS_VIEW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = json_filter ();

  chooser = gtk_file_chooser_native_new (_("Import a Question Bank"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chosen_cb), self);
  g_set_object (&self->chooser, GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
export_chosen_cb (GtkNativeDialog      *chooser,
                  int                   response,
                  ReflectQuestionsView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  ReflectQuestionBank *bank = current_bank (self);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || bank == NULL)
    return;

  data = reflect_question_bank_to_data (bank);
  if (!g_file_replace_contents (file, data, strlen (data), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    show_error (self, _("The Bank Was Not Exported"), error->message);
}

static void
export_bank_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ReflectQuestionsView *self = REFLECT_QUESTIONS_VIEW (widget);
  ReflectQuestionBank *bank = current_bank (self);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = json_filter ();
  g_autofree char *name = NULL;

  if (bank == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export the Question Bank"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  name = g_strconcat (reflect_question_bank_get_id (bank), ".json", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen_cb), self);
  g_set_object (&self->chooser, GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
remove_response_cb (AdwMessageDialog     *dialog,
                    const char           *response,
                    ReflectQuestionsView *self)
{
  g_autoptr(GError) error = NULL;
  const char *id = g_object_get_data (G_OBJECT (dialog), "bank-id");

  if (!reflect_store_remove_question_bank (self->store, self->catalog, id, &error))
    show_error (self, _("The Bank Was Not Removed"), error->message);
}

static void
remove_bank_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ReflectQuestionsView *self = REFLECT_QUESTIONS_VIEW (widget);
  ReflectQuestionBank *bank = current_bank (self);
  GtkWidget *dialog;

  if (bank == NULL || reflect_question_bank_get_builtin (bank))
    return;

  dialog = message_dialog (self, _("Remove the Bank?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
    _("“%s” and the questions you added to it will be removed. Questions already asked stay in each session’s log."),
    reflect_question_bank_get_title (bank));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "remove", _("_Remove"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "bank-id",
                          g_strdup (reflect_question_bank_get_id (bank)), g_free);
  g_signal_connect_object (dialog, "response::remove", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
focus_search_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ReflectQuestionsView *self = REFLECT_QUESTIONS_VIEW (widget);

  gtk_stack_set_visible_child_name (self->content_stack, "browse");
  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The widget -------------------------------------------------------------- */

static void
disconnect_run (ReflectQuestionsView *self)
{
  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  if (self->catalog != NULL)
    g_clear_signal_handler (&self->banks_changed_id, reflect_catalog_get_banks (self->catalog));
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->run);
}

static void
reflect_questions_view_dispose (GObject *object)
{
  ReflectQuestionsView *self = (ReflectQuestionsView *)object;

  disconnect_run (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->question_list != NULL)
    gtk_list_view_set_model (self->question_list, NULL);
  g_clear_object (&self->filtered);
  g_clear_object (&self->all_questions);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (reflect_questions_view_parent_class)->dispose (object);
}

static void
reflect_questions_view_finalize (GObject *object)
{
  ReflectQuestionsView *self = (ReflectQuestionsView *)object;

  g_clear_object (&self->bank_titles);
  g_clear_object (&self->asked);
  g_clear_pointer (&self->asked_ids, g_hash_table_unref);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->bank_id, g_free);
  g_clear_pointer (&self->section_id, g_free);
  g_clear_pointer (&self->pending_data, g_free);
  g_clear_pointer (&self->pending_name, g_free);

  G_OBJECT_CLASS (reflect_questions_view_parent_class)->finalize (object);
}

/* A bank's title is cut short with "…" on the button, where it would
 * otherwise set the width of the whole sidebar, and wraps in the list. */
static void
setup_bank_title_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (wrap))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_bank_title_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  wrap)
{
  GtkStringObject *title = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (title));
}

static void
set_bank_factories (GtkDropDown *dropdown)
{
  for (int wrap = 0; wrap <= 1; wrap++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_bank_title_cb), GINT_TO_POINTER (wrap));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_bank_title_cb), GINT_TO_POINTER (wrap));
      if (wrap)
        gtk_drop_down_set_list_factory (dropdown, factory);
      else
        gtk_drop_down_set_factory (dropdown, factory);
    }
}

/* Focusing the view is to look for a question: the search. */
static gboolean
reflect_questions_view_grab_focus (GtkWidget *widget)
{
  ReflectQuestionsView *self = REFLECT_QUESTIONS_VIEW (widget);

  if (gtk_widget_grab_focus (GTK_WIDGET (self->search_entry)))
    return TRUE;
  return gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
reflect_questions_view_class_init (ReflectQuestionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_questions_view_dispose;
  object_class->finalize = reflect_questions_view_finalize;
  widget_class->grab_focus = reflect_questions_view_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-questions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectQuestionsView, flap);
  gtk_widget_class_bind_template_child (widget_class, ReflectQuestionsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ReflectQuestionsView, favourites_button);
  gtk_widget_class_bind_template_child (widget_class, ReflectQuestionsView, bank_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReflectQuestionsView, section_list);
  gtk_widget_class_bind_template_child (widget_class, ReflectQuestionsView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectQuestionsView, citation_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectQuestionsView, description_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectQuestionsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectQuestionsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ReflectQuestionsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ReflectQuestionsView, question_list);
  gtk_widget_class_bind_template_child (widget_class, ReflectQuestionsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ReflectQuestionsView, asked_page);
  gtk_widget_class_bind_template_child (widget_class, ReflectQuestionsView, asked_stack);
  gtk_widget_class_bind_template_child (widget_class, ReflectQuestionsView, asked_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, favourites_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, question_activated_cb);

  gtk_widget_class_install_action (widget_class, "questions.add-question", NULL,
                                   add_question_activated);
  gtk_widget_class_install_action (widget_class, "questions.import-bank", NULL,
                                   import_bank_activated);
  gtk_widget_class_install_action (widget_class, "questions.export-bank", NULL,
                                   export_bank_activated);
  gtk_widget_class_install_action (widget_class, "questions.remove-bank", NULL,
                                   remove_bank_activated);
  gtk_widget_class_install_action (widget_class, "questions.focus-search", NULL,
                                   focus_search_activated);
}

static void
reflect_questions_view_init (ReflectQuestionsView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  reflect_hide_button_icons (GTK_WIDGET (self));

  self->bank_titles = gtk_string_list_new (NULL);
  self->asked = g_list_store_new (REFLECT_TYPE_ASKED_QUESTION);
  self->asked_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->words = g_new0 (char *, 1);

  set_bank_factories (self->bank_dropdown);
  gtk_drop_down_set_model (self->bank_dropdown, G_LIST_MODEL (self->bank_titles));
  g_signal_connect_swapped (self->bank_dropdown, "notify::selected",
                            G_CALLBACK (bank_selected_cb), self);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->question_list, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->question_list, GTK_SELECTION_MODEL (selection));
  gtk_list_box_bind_model (self->asked_list, G_LIST_MODEL (self->asked), create_asked_row, self,
                           NULL);

  reflect_view_add_shortcut (GTK_WIDGET (self), GDK_KEY_f, GDK_CONTROL_MASK,
                             "questions.focus-search", NULL);

  update_actions (self);
  update_header (self);
}

/**
 * reflect_questions_view_set_run:
 * @run: (nullable): the session being run, or %NULL when it is closed
 */
void
reflect_questions_view_set_run (ReflectQuestionsView *self,
                                ReflectRun           *run)
{
  g_return_if_fail (REFLECT_IS_QUESTIONS_VIEW (self));
  g_return_if_fail (run == NULL || REFLECT_IS_RUN (run));

  if (run == self->run)
    return;

  disconnect_run (self);
  gtk_filter_list_model_set_model (self->filtered, NULL);
  g_clear_object (&self->all_questions);

  if (run != NULL)
    {
      GtkMapListModel *map;

      self->run = g_object_ref (run);
      self->store = g_object_ref (reflect_run_get_store (run));
      self->catalog = reflect_run_get_catalog (run) ? g_object_ref (reflect_run_get_catalog (run))
                                                    : reflect_catalog_new (self->store);
      self->store_changed_id = g_signal_connect_swapped (self->store, "changed",
                                                         G_CALLBACK (store_changed_cb), self);
      self->banks_changed_id = g_signal_connect_swapped (reflect_catalog_get_banks (self->catalog),
                                                         "items-changed",
                                                         G_CALLBACK (banks_changed_cb), self);
      map = gtk_map_list_model_new (g_object_ref (reflect_catalog_get_banks (self->catalog)),
                                    bank_questions, NULL, NULL);
      self->all_questions = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (map)));
    }

  g_list_store_remove_all (self->asked);
  g_hash_table_remove_all (self->asked_ids);
  reload_asked (self);
  rebuild_banks (self);
}
