/* reflect-sessions-page.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-sessions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-a11y.h"
#include "reflect-session-filters.h"
#include "reflect-session-list.h"
#include "reflect-sessions-page.h"
#include "reflect-store-history.h"

#define UNDO_SECONDS 5
/* About the height of a header bar. */
#define HEADER_BAR_HEIGHT 47
/* No row is shorter than this (a heading and a line of text, padded). */
#define MIN_ROW_HEIGHT 60
/* Rows shown at first when the height is not known: a tall screen. */
#define TALL_SCREEN_ROWS 24
/* Rows added each frame after the first. */
#define ROWS_PER_FRAME 8
/* GTK 4.8's GTK_LIST_VIEW_MAX_LIST_ITEMS: rows it builds ahead. */
#define ROWS_BUILT_BY_GTK 200
/* gtk-xft-dpi of GNOME's Large Text (125 %), in 1024ths of a dot per inch:
 * from here up, a session's subtitle wraps rather than being cut short. */
#define LARGE_TEXT_DPI (120 * 1024)

/* The history of sessions, newest first.  The list is a GtkListView over a
 * ReflectSessionList: the store is asked for the ids alone, each session
 * is read when a row shows it, and there are rows only for a screenful or
 * so (at most the 200 GTK 4.8 builds ahead), however many sessions. */
struct _ReflectSessionsPage
{
  GtkWidget        parent_instance;

  GtkStack        *content_stack;
  GtkListView     *list_view;
  GtkWidget       *empty_new_button;  /* on the empty page, once it is made */
  GtkMenuButton   *menu_button;
  GMenuModel      *primary_menu;
  GtkToggleButton *search_button;
  GtkSearchBar    *search_bar;
  GtkBox          *search_box;
  GtkSearchEntry  *search_entry;
  ReflectSessionFilters *filters;   /* made when the search bar first opens */

  ReflectCatalog  *catalog;

  ReflectStore    *store;
  GListModel      *sessions;
  GtkSliceListModel *reveal;         /* the part of @sessions the list shows so far */
  guint            reveal_tick;
  guint            reveal_frames;
  gboolean         partial;         /* @sessions holds only the newest; the rest come later */
  GHashTable      *pending_deletes; /* gint64 ids hidden, deleted when the toast goes */
  gulong           changed_id;
  guint            has_any : 1;
  guint            stale : 1;       /* the store changed while the page was hidden */
  guint            wrap_subtitles : 1;
};

G_DEFINE_FINAL_TYPE (ReflectSessionsPage, reflect_sessions_page, GTK_TYPE_WIDGET)

static gboolean
unparent_row_menu (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
  return G_SOURCE_REMOVE;
}

/* Not at once: a menu item closes the menu before it activates its action,
 * which is looked up from the menu's place among the widgets. */
static void
row_menu_closed_cb (GtkPopover *popover)
{
  g_idle_add (unparent_row_menu, g_object_ref (popover));
}

/* A row's menu is a plain button that makes its popover when pressed: a
 * GtkMenuButton in every row the list keeps ready made the list slow to
 * appear, even with its menu left unmade. */
static void
row_menu_clicked_cb (GtkButton *button,
                     gpointer   user_data)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "session-id"));
  const char *case_ref = g_object_get_data (G_OBJECT (button), "case-ref");
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) entry = NULL;
  GtkWidget *popover;

  entry = g_menu_item_new (_("_Open"), NULL);
  g_menu_item_set_action_and_target_value (entry, "win.open-session", g_variant_new_int64 (id));
  g_menu_append_item (menu, entry);
  g_clear_object (&entry);
  entry = g_menu_item_new (_("_Follow Up"), NULL);
  g_menu_item_set_action_and_target_value (entry, "sessions.follow-up", g_variant_new_int64 (id));
  g_menu_append_item (menu, entry);
  g_clear_object (&entry);
  entry = g_menu_item_new (_("Show _Case History"), NULL);
  g_menu_item_set_action_and_target_value (entry, "sessions.show-case",
                                           g_variant_new_string (case_ref ? case_ref : ""));
  g_menu_append_item (menu, entry);
  g_clear_object (&entry);
  entry = g_menu_item_new (_("_Delete…"), NULL);
  g_menu_item_set_action_and_target_value (entry, "sessions.delete", g_variant_new_int64 (id));
  g_menu_append_item (menu, entry);

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (button));
  g_signal_connect (popover, "closed", G_CALLBACK (row_menu_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* Large text cuts a one-line subtitle to its date and the start of the
 * model, so there it is a label that wraps.  At other sizes it is an
 * inscription: it asks for a line's height and a few characters' width
 * without laying out its text, which for a long line cut short by an
 * ellipsis GtkLabel does each time it is measured. */
static GtkWidget *
create_subtitle (gboolean wrap)
{
  GtkWidget *subtitle;

  if (wrap)
    {
      subtitle = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
    }
  else
    {
      subtitle = gtk_inscription_new (NULL);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (subtitle),
                                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
    }
  gtk_widget_set_hexpand (subtitle, TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  return subtitle;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = create_subtitle (GPOINTER_TO_INT (user_data));
  GtkWidget *state = gtk_label_new (NULL);
  GtkWidget *match = gtk_label_new (NULL);
  GtkWidget *menu = gtk_button_new_from_icon_name ("view-more-symbolic");

  reflect_hide_button_icons (menu);
  gtk_widget_add_css_class (grid, "reflect-session-row");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  gtk_widget_set_margin_top (grid, 9);
  gtk_widget_set_margin_bottom (grid, 9);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");

  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (state, "reflect-state");

  gtk_label_set_xalign (GTK_LABEL (match), 0);
  gtk_label_set_wrap (GTK_LABEL (match), TRUE);
  gtk_label_set_lines (GTK_LABEL (match), 2);
  gtk_label_set_ellipsize (GTK_LABEL (match), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (match, "reflect-match");

  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu, "flat");
  gtk_widget_set_tooltip_text (menu, _("Session Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                  -1);
  g_signal_connect (menu, "clicked", G_CALLBACK (row_menu_clicked_cb), NULL);

  gtk_grid_attach (GTK_GRID (grid), title, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), subtitle, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), match, 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), state, 1, 0, 1, 2);
  gtk_grid_attach (GTK_GRID (grid), menu, 2, 0, 1, 2);

  gtk_list_item_set_child (item, grid);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  ReflectSession *session = gtk_list_item_get_item (item);
  GtkWidget *grid = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_grid_get_child_at (GTK_GRID (grid), 0, 0);
  GtkWidget *subtitle = gtk_grid_get_child_at (GTK_GRID (grid), 0, 1);
  GtkWidget *state = gtk_grid_get_child_at (GTK_GRID (grid), 1, 0);
  GtkWidget *match = gtk_grid_get_child_at (GTK_GRID (grid), 0, 2);
  GtkWidget *menu_button = gtk_grid_get_child_at (GTK_GRID (grid), 2, 0);
  g_autofree char *date = reflect_session_format_date (session);
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *menu_label = NULL;
  ReflectSessionState session_state = reflect_session_get_state (session);
  gint64 id = reflect_session_get_id (session);
  const char *found = reflect_session_get_match (session);
  const char *agencies = reflect_session_get_agencies (session);

  if (reflect_session_get_follows_id (session) > 0)
    /* Translators: session list subtitle: date · model · this session follows an earlier one */
    details = g_strdup_printf (_("%s · %s · follow-up"), date,
                               reflect_session_get_model_title (session));
  else
    /* Translators: session list subtitle: date · model */
    details = g_strdup_printf (_("%s · %s"), date, reflect_session_get_model_title (session));
  if (agencies != NULL && *agencies != '\0')
    {
      /* Translators: session list subtitle: the date and model, then the agencies that came */
      char *with_agencies = g_strdup_printf (_("%s · %s"), details, agencies);
      g_free (details);
      details = with_agencies;
    }

  gtk_widget_set_visible (match, found != NULL && *found != '\0');
  if (found != NULL)
    {
      g_autofree char *markup = reflect_sessions_page_match_markup (found);
      gtk_label_set_markup (GTK_LABEL (match), markup);
    }

  g_object_set_data (G_OBJECT (menu_button), "session-id", GSIZE_TO_POINTER ((gsize)id));
  g_object_set_data_full (G_OBJECT (menu_button), "case-ref",
                          g_strdup (reflect_session_get_case_ref (session)), g_free);
  /* Translators: accessible name of a session row's menu button */
  menu_label = g_strdup_printf (_("Actions for case %s"), reflect_session_get_case_ref (session));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  menu_label, -1);

  gtk_label_set_text (GTK_LABEL (title), reflect_session_get_case_ref (session));
  if (GTK_IS_LABEL (subtitle))
    gtk_label_set_text (GTK_LABEL (subtitle), details);
  else
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (subtitle), details);
      /* Cut short on narrow windows: the whole of it is a pointer's rest
       * away, and in the row's accessible name. */
      gtk_widget_set_tooltip_text (subtitle, details);
    }
  gtk_label_set_text (GTK_LABEL (state), reflect_session_state_get_title (session_state));

  gtk_widget_remove_css_class (state, "accent");
  gtk_widget_remove_css_class (state, "success");
  if (session_state == REFLECT_SESSION_IN_PROGRESS)
    gtk_widget_add_css_class (state, "accent");
  else if (session_state == REFLECT_SESSION_FINISHED)
    gtk_widget_add_css_class (state, "success");

  /* Translators: read by screen readers for a session row: case, date · model, state */
  accessible = g_strdup_printf (_("Case %s, %s, %s"), reflect_session_get_case_ref (session),
                                details, reflect_session_state_get_title (session_state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

/**
 * reflect_sessions_page_match_markup:
 *
 * Returns: (transfer full): Pango markup for a search match, the text
 * escaped and each matching word (between U+0002 and U+0003) in bold
 */
char *
reflect_sessions_page_match_markup (const char *match)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *start = match;

  /* Escape the text between the markers; only the markers become tags. */
  for (const char *p = match;; p++)
    {
      if (*p == '\002' || *p == '\003' || *p == '\0')
        {
          g_autofree char *escaped = g_markup_escape_text (start, p - start);

          g_string_append (markup, escaped);
          if (*p == '\0')
            break;
          g_string_append (markup, *p == '\002' ? "<b>" : "</b>");
          start = p + 1;
        }
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
list_activate_cb (ReflectSessionsPage *self,
                  guint                position)
{
  g_autoptr(ReflectSession) session = g_list_model_get_item (self->sessions, position);

  if (session != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-session", "x",
                                reflect_session_get_id (session));
}

static void
store_changed_cb (ReflectSessionsPage *self,
                  gint64               session_id)
{
  /* While a session is open, each note saved changes the store: the
   * list is read again when it is next shown, not after every save. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  reflect_sessions_page_reload (self);
}

static void
reflect_sessions_page_map (GtkWidget *widget)
{
  ReflectSessionsPage *self = REFLECT_SESSIONS_PAGE (widget);

  GTK_WIDGET_CLASS (reflect_sessions_page_parent_class)->map (widget);
  if (self->stale)
    reflect_sessions_page_reload (self);
}

static void
search_changed_cb (ReflectSessionsPage *self)
{
  reflect_sessions_page_reload (self);
}

static void
search_activate_cb (ReflectSessionsPage *self)
{
  if (g_list_model_get_n_items (self->sessions) > 0)
    {
      g_autoptr(ReflectSession) first = g_list_model_get_item (self->sessions, 0);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.open-session", "x",
                                  reflect_session_get_id (first));
    }
}

static void
filter_changed_cb (ReflectSessionsPage *self)
{
  reflect_sessions_page_reload (self);
}

static void
search_mode_cb (ReflectSessionsPage *self)
{
  if (self->filters != NULL || !gtk_search_bar_get_search_mode (self->search_bar))
    return;

  self->filters = reflect_session_filters_new ();
  if (self->catalog != NULL)
    reflect_session_filters_set_catalog (self->filters, self->catalog);
  g_signal_connect_object (self->filters, "changed", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (self->search_box, GTK_WIDGET (self->filters));
}

/* The main menu too is made when first opened, not at launch. */
static void
create_main_menu_cb (GtkMenuButton *button,
                     gpointer       user_data)
{
  ReflectSessionsPage *self = user_data;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
finish_delete (ReflectSessionsPage *self,
               gint64               id)
{
  g_autoptr(GError) error = NULL;

  if (!g_hash_table_remove (self->pending_deletes, &id) || self->store == NULL)
    return;

  if (!reflect_store_delete_session (self->store, id, &error))
    g_warning ("Could not delete session %" G_GINT64_FORMAT ": %s", id, error->message);
}

static void
undo_delete_cb (AdwToast            *toast,
                ReflectSessionsPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "session-id"));

  g_object_set_data (G_OBJECT (toast), "undone", GINT_TO_POINTER (TRUE));
  g_hash_table_remove (self->pending_deletes, &id);
  reflect_sessions_page_reload (self);
}

static void
toast_dismissed_cb (AdwToast            *toast,
                    ReflectSessionsPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "session-id"));

  if (g_object_get_data (G_OBJECT (toast), "undone") == NULL)
    finish_delete (self, id);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ReflectSessionsPage *self = REFLECT_SESSIONS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  /* Hidden at once, deleted for good when the toast goes: a few seconds
   * in which Undo brings it back untouched. */
  g_hash_table_add (self->pending_deletes, g_memdup2 (&id, sizeof id));
  reflect_sessions_page_reload (self);

  if (overlay == NULL)
    {
      finish_delete (self, id);
      return;
    }

  toast = adw_toast_new (_("Session deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, UNDO_SECONDS);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "session-id", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
follow_up_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ReflectSessionsPage *self = REFLECT_SESSIONS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = reflect_store_create_follow_up (self->store, g_variant_get_int64 (parameter),
                                       g_get_real_time () / G_USEC_PER_SEC, &error);
  if (id == 0)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
      g_autofree char *message = g_strdup_printf (_("Could not create the follow-up: %s"),
                                                  error->message);
      g_warning ("%s", message);
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
      return;
    }

  gtk_widget_activate_action (widget, "win.open-session", "x", id);
}

static void
show_case_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ReflectSessionsPage *self = REFLECT_SESSIONS_PAGE (widget);

  gtk_toggle_button_set_active (self->search_button, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ReflectSessionsPage *self = REFLECT_SESSIONS_PAGE (widget);

  gtk_toggle_button_set_active (self->search_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
stop_reveal (ReflectSessionsPage *self)
{
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->reveal_tick);
  self->reveal_tick = 0;
  self->reveal_frames = 0;
  self->partial = FALSE;
  g_clear_object (&self->reveal);
}

static void
reflect_sessions_page_dispose (GObject *object)
{
  ReflectSessionsPage *self = (ReflectSessionsPage *)object;

  /* Deletes the user did not undo happen now, not never. */
  if (self->pending_deletes != NULL)
    {
      g_autoptr(GList) ids = g_hash_table_get_keys (self->pending_deletes);
      for (GList *l = ids; l != NULL; l = l->next)
        {
          gint64 id = *(gint64 *)l->data;
          finish_delete (self, id);
        }
    }

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  stop_reveal (self);
  g_clear_object (&self->store);
  g_clear_object (&self->sessions);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->pending_deletes, g_hash_table_unref);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (reflect_sessions_page_parent_class)->dispose (object);
}

static void
reflect_sessions_page_class_init (ReflectSessionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_sessions_page_dispose;
  widget_class->map = reflect_sessions_page_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-sessions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectSessionsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ReflectSessionsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, ReflectSessionsPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, ReflectSessionsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ReflectSessionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ReflectSessionsPage, search_box);
  gtk_widget_class_bind_template_child (widget_class, ReflectSessionsPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ReflectSessionsPage, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);

  gtk_widget_class_install_action (widget_class, "sessions.delete", "x", delete_activated);
  gtk_widget_class_install_action (widget_class, "sessions.follow-up", "x", follow_up_activated);
  gtk_widget_class_install_action (widget_class, "sessions.show-case", "s", show_case_activated);
  gtk_widget_class_install_action (widget_class, "sessions.search", NULL, search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "sessions.search", NULL);
}

static gboolean
text_is_large (ReflectSessionsPage *self)
{
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
  return dpi >= LARGE_TEXT_DPI;
}

/* Rows are made by the factory, so a new one remakes them all with the
 * subtitle that suits the text size. */
static void
set_row_factory (ReflectSessionsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->wrap_subtitles = text_is_large (self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb),
                    GINT_TO_POINTER (self->wrap_subtitles));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}

static void
text_scale_changed_cb (ReflectSessionsPage *self)
{
  if (text_is_large (self) != self->wrap_subtitles)
    set_row_factory (self);
}

static void
reflect_sessions_page_init (ReflectSessionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  reflect_hide_button_icons (GTK_WIDGET (self));

  self->pending_deletes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_main_menu_cb, self, NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  set_row_factory (self);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-xft-dpi",
                           G_CALLBACK (text_scale_changed_cb), self, G_CONNECT_SWAPPED);
}

void
reflect_sessions_page_set_store (ReflectSessionsPage *self,
                                 ReflectStore        *store)
{
  g_return_if_fail (REFLECT_IS_SESSIONS_PAGE (self));

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                                                self, G_CONNECT_SWAPPED);
  reflect_sessions_page_reload (self);
}

/**
 * reflect_sessions_page_set_catalog:
 *
 * Offers the catalog's models in the model filter.
 */
void
reflect_sessions_page_set_catalog (ReflectSessionsPage *self,
                                   ReflectCatalog      *catalog)
{
  g_return_if_fail (REFLECT_IS_SESSIONS_PAGE (self));
  g_return_if_fail (REFLECT_IS_CATALOG (catalog));

  g_set_object (&self->catalog, catalog);
  if (self->filters != NULL)
    reflect_session_filters_set_catalog (self->filters, catalog);
}

static gboolean
read_filter (ReflectSessionsPage  *self,
             ReflectSessionFilter *filter)
{
  if (self->filters != NULL)
    reflect_session_filters_read (self->filters, filter);
  /* Deleted ones waiting for their undo toast to go are not listed. */
  filter->exclude_ids = self->pending_deletes;
  return filter->model_id != NULL || filter->state >= 0 || filter->from || filter->until;
}

/* The ids of the sessions past the first screenful, read once that is on
 * screen: all of them take a 10,000-session store a few milliseconds. */
static void
read_the_rest (ReflectSessionsPage *self)
{
  ReflectSessionFilter filter = REFLECT_SESSION_FILTER_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  self->partial = FALSE;
  read_filter (self, &filter);
  ids = reflect_store_list_session_ids (self->store, &filter, &error);
  if (ids == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  reflect_session_list_set_ids (REFLECT_SESSION_LIST (self->sessions), ids);
}

/* Shows the "empty" or "no-results" page, made the first time. */
static void
show_status_page (ReflectSessionsPage *self,
                  const char          *name)
{
  gboolean empty = g_str_equal (name, "empty");

  if (gtk_stack_get_child_by_name (self->content_stack, name) == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();
      g_autoptr(GError) error = NULL;
      const char *ids[] = { empty ? "empty_page" : "no_results_page", NULL };

      if (!gtk_builder_add_objects_from_resource (builder,
                                                  "/io/github/reflect_practice/Reflect/ui/reflect-sessions-status.ui",
                                                  ids, &error))
        g_error ("%s", error->message);
      /* Titled though no switcher shows it: GTK 4.8 makes the title the
       * page's accessible name, and Orca said “GtkStackPage” without one. */
      gtk_stack_add_titled (self->content_stack, GTK_WIDGET (gtk_builder_get_object (builder, ids[0])),
                            name, empty ? _("No Sessions Yet") : _("Search Results"));
      if (empty)
        self->empty_new_button = GTK_WIDGET (gtk_builder_get_object (builder, "empty_new_button"));
    }
  gtk_stack_set_visible_child_name (self->content_stack, name);
}

/* Enough rows to fill the list's height, or the window's it will have:
 * every row more is text to lay out and draw before the first frame. */
static guint
rows_for_a_screenful (ReflectSessionsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self->content_stack));
  int width;

  /* GTK 4.8 writes both sizes: neither may be NULL.  The list has the
   * window's height less the header bar's. */
  if (height <= 0 && GTK_IS_WINDOW (root) && !gtk_window_is_maximized (GTK_WINDOW (root)))
    {
      gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
      height -= HEADER_BAR_HEIGHT;
    }
  if (height <= 0)
    return TALL_SCREEN_ROWS;
  return height / MIN_ROW_HEIGHT + 1;
}

/* GTK 4.8's list view builds a row for each of the first 200 items as
 * soon as it is given a model, before it knows how many fit on screen; on
 * a long history that alone doubles the time to the first frame.  So the
 * list starts with a screenful, and each frame adds a few more rows until
 * the view has built all it will; then the rest come at once, with no
 * new rows to build.  No frame builds more than a few rows. */
static gboolean
reveal_rows_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  ReflectSessionsPage *self = user_data;
  guint n_items;
  guint size;

  /* Ticks come before a frame is laid out: the first frame shows the
   * screenful alone, and the rest of the ids are read for the second. */
  if (self->reveal_frames++ == 0)
    return G_SOURCE_CONTINUE;
  if (self->partial)
    read_the_rest (self);

  n_items = g_list_model_get_n_items (self->sessions);
  size = gtk_slice_list_model_get_size (self->reveal) + ROWS_PER_FRAME;

  if (size >= ROWS_BUILT_BY_GTK)
    size = n_items;
  gtk_slice_list_model_set_size (self->reveal, MIN (size, n_items));
  if (size < n_items)
    return G_SOURCE_CONTINUE;

  self->reveal_tick = 0;
  return G_SOURCE_REMOVE;
}

/**
 * reflect_sessions_page_reload:
 *
 * Reads the list again from the store, through the search and filters.
 */
void
reflect_sessions_page_reload (ReflectSessionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkSelectionModel) selection = NULL;
  g_autoptr(GListModel) sessions = NULL;
  ReflectSessionFilter filter = REFLECT_SESSION_FILTER_INIT;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean searching = text != NULL && *text != '\0';
  gboolean filtering;
  guint first_rows;

  g_return_if_fail (REFLECT_IS_SESSIONS_PAGE (self));

  self->stale = FALSE;
  filtering = read_filter (self, &filter);
  first_rows = rows_for_a_screenful (self);

  /* Both read session ids alone; the rows read their sessions.  The list
   * reads a screenful now and the rest after the first frame. */
  stop_reveal (self);
  if (self->store != NULL && searching)
    sessions = reflect_store_search_sessions (self->store, text, &filter, 200, &error);
  else if (self->store != NULL)
    {
      filter.limit = first_rows;
      sessions = reflect_store_list_sessions_filtered (self->store, &filter, &error);
      self->partial = sessions != NULL && g_list_model_get_n_items (sessions) >= first_rows;
    }
  if (error != NULL)
    g_warning ("%s", error->message);
  if (sessions == NULL)
    sessions = G_LIST_MODEL (g_list_store_new (REFLECT_TYPE_SESSION));

  g_clear_object (&self->sessions);
  self->sessions = g_steal_pointer (&sessions);
  if (!searching && !filtering)
    self->has_any = g_list_model_get_n_items (self->sessions) > 0;

  /* A long list is revealed a screenful first: see reveal_rows_cb(). */
  self->reveal = gtk_slice_list_model_new (g_object_ref (self->sessions), 0, first_rows);
  if (self->partial || g_list_model_get_n_items (self->sessions) > first_rows)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view),
                                                      reveal_rows_cb, self, NULL);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->reveal))));
  gtk_list_view_set_model (self->list_view, selection);

  if (g_list_model_get_n_items (self->sessions) > 0)
    gtk_stack_set_visible_child_name (self->content_stack, "list");
  else
    show_status_page (self, searching || filtering ? "no-results" : "empty");
}

void
reflect_sessions_page_focus (ReflectSessionsPage *self)
{
  g_return_if_fail (REFLECT_IS_SESSIONS_PAGE (self));

  if (g_list_model_get_n_items (self->sessions) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  else
    gtk_widget_grab_focus (self->empty_new_button != NULL ? self->empty_new_button
                                                          : GTK_WIDGET (self->list_view));
}

/**
 * reflect_sessions_page_get_sessions:
 *
 * Returns: (transfer none): the sessions shown
 */
GListModel *
reflect_sessions_page_get_sessions (ReflectSessionsPage *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSIONS_PAGE (self), NULL);
  return self->sessions;
}
