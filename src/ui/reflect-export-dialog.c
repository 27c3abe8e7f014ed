/* reflect-export-dialog.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-export-dialog.h"
#include "reflect-glossary.h"
#include "reflect-pdf.h"
#include "reflect-record-note.h"

/* The preview of one export: exactly the text that will be copied, saved
 * or printed, made by ReflectRecordNote.  Names are left out unless the
 * switch is on (for this export only); acronyms are highlighted and each
 * can be replaced by its plain form with one click. */

struct _ReflectExportDialog
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *window_title;
  GtkBox            *agency_box;
  GtkDropDown       *agency_dropdown;
  GtkBox            *range_box;
  GtkEntry          *from_entry;
  GtkEntry          *to_entry;
  GtkBox            *names_box;
  GtkSwitch         *names_switch;
  GtkLabel          *names_warning;
  GtkBox            *glossary_box;
  GtkFlowBox        *glossary_flow;
  GtkTextView       *preview;
  GtkLabel          *status_label;
  GMenu             *save_menu;

  ReflectRun        *run;
  ReflectExportKind  kind;
  ReflectRecordNote *note;
  GPtrArray         *expanded;  /* acronyms replaced by their plain form */
  char              *organisation;
  ReflectTextPages  *print_pages;
};

G_DEFINE_FINAL_TYPE (ReflectExportDialog, reflect_export_dialog, ADW_TYPE_WINDOW)

static void
set_status (ReflectExportDialog *self,
            const char          *text,
            gboolean             error)
{
  gtk_label_set_label (self->status_label, text ? text : "");
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static gboolean
parse_day (const char *text,
           gboolean    end_of_day,
           gint64     *out)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (text == NULL || sscanf (text, "%d-%d-%d", &year, &month, &day) != 3)
    return FALSE;
  date = g_date_time_new_local (year, month, day, end_of_day ? 23 : 0, end_of_day ? 59 : 0,
                                end_of_day ? 59 : 0);
  if (date == NULL)
    return FALSE;
  *out = g_date_time_to_unix (date);
  return TRUE;
}

/* Returns: (transfer full) (nullable): the export in @format, as it will go out */
static char *
render (ReflectExportDialog  *self,
        ReflectNoteFormat     format,
        GError              **error)
{
  ReflectGlossary *glossary = reflect_glossary_get_default ();
  g_autofree char *text = NULL;

  switch (self->kind)
    {
    case REFLECT_EXPORT_CHILD_RECORD:
      text = reflect_record_note_render_child_record (self->note, format);
      break;

    case REFLECT_EXPORT_AGENCY_SUMMARY:
      {
        GtkStringObject *item = gtk_drop_down_get_selected_item (self->agency_dropdown);
        if (item == NULL)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("No agency is recorded for the people present. Add them in People."));
            return NULL;
          }
        text = reflect_record_note_render_agency_summary (self->note,
                                                          gtk_string_object_get_string (item),
                                                          format);
      }
      break;

    case REFLECT_EXPORT_LEARNING:
      {
        gint64 from, to;

        if (!parse_day (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)), FALSE, &from) ||
            !parse_day (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), TRUE, &to))
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("Write both dates as year-month-day, for example 2026-03-31."));
            return NULL;
          }
        text = reflect_record_note_render_learning (reflect_run_get_store (self->run), from, to,
                                                    self->organisation, format, error);
        if (text == NULL)
          return NULL;
      }
      break;

    case REFLECT_EXPORT_INVITATION:
      text = reflect_record_note_render_invitation_pack (self->note, format);
      break;

    default:
      g_assert_not_reached ();
    }

  for (guint i = 0; i < self->expanded->len; i++)
    {
      char *expanded = reflect_glossary_expand (glossary, text, g_ptr_array_index (self->expanded, i));
      g_free (text);
      text = expanded;
    }

  return g_steal_pointer (&text);
}

static void
expand_clicked_cb (GtkButton           *button,
                   ReflectExportDialog *self)
{
  reflect_export_dialog_expand_term (self, g_object_get_data (G_OBJECT (button), "term"));
}

static void
refresh (ReflectExportDialog *self)
{
  ReflectGlossary *glossary = reflect_glossary_get_default ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->preview);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GHashTable) offered = g_hash_table_new (g_str_hash, g_str_equal);
  GtkTextIter start, end;
  gboolean any = FALSE;

  reflect_record_note_set_include_names (self->note,
                                         gtk_switch_get_active (self->names_switch));
  gtk_widget_set_visible (GTK_WIDGET (self->names_warning),
                          gtk_switch_get_active (self->names_switch));

  text = render (self, REFLECT_NOTE_FORMAT_TEXT, &error);
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.copy", text != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", text != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.print", text != NULL);
  set_status (self, text == NULL ? error->message : NULL, text == NULL);

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->glossary_flow)));)
    gtk_flow_box_remove (self->glossary_flow, child);

  if (text == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->glossary_box), FALSE);
      return;
    }

  matches = reflect_glossary_find (glossary, text);
  for (guint i = 0; i < matches->len; i++)
    {
      ReflectGlossaryMatch *match = &g_array_index (matches, ReflectGlossaryMatch, i);
      GtkWidget *button;
      g_autofree char *label = NULL;
      g_autofree char *tooltip = NULL;

      /* A plain form may hold its own acronym: “family doctor (GP)”. */
      if (g_ptr_array_find_with_equal_func (self->expanded, match->term, g_str_equal, NULL))
        continue;

      gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                          g_utf8_pointer_to_offset (text, text + match->start));
      gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                          g_utf8_pointer_to_offset (text, text + match->start +
                                                                    match->length));
      gtk_text_buffer_apply_tag_by_name (buffer, "acronym", &start, &end);

      if (!g_hash_table_add (offered, (gpointer)match->term))
        continue;

      /* Translators: an abbreviation and its plain-English form */
      label = g_strdup_printf (_("%s → %s"), match->term, match->plain);
      /* Translators: %s is an abbreviation such as “CIN” */
      tooltip = g_strdup_printf (_("Write “%s” in plain words everywhere in this export"),
                                 match->term);
      button = gtk_button_new_with_label (label);
      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      g_object_set_data_full (G_OBJECT (button), "term", g_strdup (match->term), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (expand_clicked_cb), self);
      gtk_flow_box_append (self->glossary_flow, button);
      /* One stop for the keyboard: the button, not also the box around it. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      any = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->glossary_box), any);
}

/**
 * reflect_export_dialog_expand_term:
 *
 * Writes @term in plain words in this export (preview and every format).
 */
void
reflect_export_dialog_expand_term (ReflectExportDialog *self,
                                   const char          *term)
{
  g_return_if_fail (REFLECT_IS_EXPORT_DIALOG (self));

  if (term != NULL &&
      !g_ptr_array_find_with_equal_func (self->expanded, term, g_str_equal, NULL))
    g_ptr_array_add (self->expanded, g_strdup (term));
  refresh (self);
}

/**
 * reflect_export_dialog_get_text:
 *
 * Returns: (transfer full): the plain text the preview shows
 */
char *
reflect_export_dialog_get_text (ReflectExportDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (REFLECT_IS_EXPORT_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->preview);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
reflect_export_dialog_set_include_names (ReflectExportDialog *self,
                                         gboolean             include)
{
  g_return_if_fail (REFLECT_IS_EXPORT_DIALOG (self));
  gtk_switch_set_active (self->names_switch, include);
}

static void
copy_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ReflectExportDialog *self = REFLECT_EXPORT_DIALOG (widget);
  g_autofree char *text = reflect_export_dialog_get_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  set_status (self, _("Copied. Paste it into the case-record system."), FALSE);
}

static const char *
base_name (ReflectExportDialog *self)
{
  switch (self->kind)
    {
    case REFLECT_EXPORT_AGENCY_SUMMARY:
      return "agency-summary";
    case REFLECT_EXPORT_LEARNING:
      return "partnership-learning";
    case REFLECT_EXPORT_INVITATION:
      return "invitation-pack";
    case REFLECT_EXPORT_CHILD_RECORD:
    default:
      return "child-record-note";
    }
}

static gboolean
write_export (ReflectExportDialog  *self,
              GFile                *file,
              const char           *extension,
              GError              **error)
{
  g_autofree char *text = NULL;

  if (g_str_equal (extension, "pdf"))
    {
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Choose a folder on this computer."));
          return FALSE;
        }
      text = reflect_export_dialog_get_text (self);
      return reflect_pdf_write_text (text, path, error);
    }

  text = render (self, g_str_equal (extension, "md") ? REFLECT_NOTE_FORMAT_MARKDOWN
                     : g_str_equal (extension, "csv") ? REFLECT_NOTE_FORMAT_CSV
                     : REFLECT_NOTE_FORMAT_TEXT, error);
  if (text == NULL)
    return FALSE;

  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
save_response_cb (GtkNativeDialog     *chooser,
                  int                  response,
                  ReflectExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      const char *extension = g_object_get_data (G_OBJECT (chooser), "extension");
      g_autofree char *name = g_file_get_parse_name (file);

      if (!write_export (self, file, extension, &error))
        {
          g_autofree char *message = g_strdup_printf (
            _("Not saved to “%s”: %s. The note is still here: choose another place, or copy it."),
            name, error->message);
          set_status (self, message, TRUE);
        }
      else
        {
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("Saved to “%s”."), name);
          set_status (self, message, FALSE);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ReflectExportDialog *self = REFLECT_EXPORT_DIALOG (widget);
  const char *extension = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  name = g_strdup_printf ("%s.%s", base_name (self), extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "extension", g_strdup (extension), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
begin_print_cb (GtkPrintOperation   *operation,
                GtkPrintContext     *context,
                ReflectExportDialog *self)
{
  g_autofree char *text = reflect_export_dialog_get_text (self);

  g_clear_pointer (&self->print_pages, reflect_text_pages_free);
  self->print_pages = reflect_text_pages_new (gtk_print_context_get_cairo_context (context), text,
                                              gtk_print_context_get_width (context),
                                              gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, reflect_text_pages_get_n_pages (self->print_pages));
}

static void
draw_page_cb (GtkPrintOperation   *operation,
              GtkPrintContext     *context,
              int                  page,
              ReflectExportDialog *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  cairo_set_source_rgb (cr, 0, 0, 0);
  reflect_text_pages_draw (self->print_pages, cr, (guint)page);
}

static void
print_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  ReflectExportDialog *self = REFLECT_EXPORT_DIALOG (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);
      set_status (self, message, TRUE);
    }
}

static void
reflect_export_dialog_dispose (GObject *object)
{
  ReflectExportDialog *self = (ReflectExportDialog *)object;

  g_clear_object (&self->run);
  g_clear_object (&self->note);
  g_clear_pointer (&self->expanded, g_ptr_array_unref);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->print_pages, reflect_text_pages_free);

  G_OBJECT_CLASS (reflect_export_dialog_parent_class)->dispose (object);
}

static void
reflect_export_dialog_class_init (ReflectExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ReflectExportDialog, agency_box);
  gtk_widget_class_bind_template_child (widget_class, ReflectExportDialog, agency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReflectExportDialog, range_box);
  gtk_widget_class_bind_template_child (widget_class, ReflectExportDialog, from_entry);
  gtk_widget_class_bind_template_child (widget_class, ReflectExportDialog, to_entry);
  gtk_widget_class_bind_template_child (widget_class, ReflectExportDialog, names_box);
  gtk_widget_class_bind_template_child (widget_class, ReflectExportDialog, names_switch);
  gtk_widget_class_bind_template_child (widget_class, ReflectExportDialog, names_warning);
  gtk_widget_class_bind_template_child (widget_class, ReflectExportDialog, glossary_box);
  gtk_widget_class_bind_template_child (widget_class, ReflectExportDialog, glossary_flow);
  gtk_widget_class_bind_template_child (widget_class, ReflectExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, ReflectExportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectExportDialog, save_menu);

  gtk_widget_class_install_action (widget_class, "export.copy", NULL, copy_cb);
  gtk_widget_class_install_action (widget_class, "export.save", "s", save_cb);
  gtk_widget_class_install_action (widget_class, "export.print", NULL, print_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "export.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "export.save", "s", "txt");
}

static void
reflect_export_dialog_init (ReflectExportDialog *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->expanded = g_ptr_array_new_with_free_func (g_free);

  buffer = gtk_text_view_get_buffer (self->preview);
  gtk_text_buffer_create_tag (buffer, "acronym",
                              "underline", PANGO_UNDERLINE_ERROR,
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
}

static void
option_changed_cb (ReflectExportDialog *self)
{
  if (self->note != NULL)
    refresh (self);
}

/**
 * reflect_export_dialog_new:
 *
 * Returns: (transfer none): the preview window, not yet shown
 */
GtkWindow *
reflect_export_dialog_new (GtkWindow         *parent,
                           ReflectRun        *run,
                           ReflectExportKind  kind)
{
  ReflectExportDialog *self;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  const char *titles[] = {
    N_("Note for the Child’s Record"),
    N_("Summary for One Agency"),
    N_("Partnership Learning"),
    N_("Invitation Pack"),
  };

  g_return_val_if_fail (REFLECT_IS_RUN (run), NULL);

  self = g_object_new (REFLECT_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->run = g_object_ref (run);
  self->kind = kind;
  self->organisation = g_settings_get_string (settings, "organisation-name");
  adw_window_title_set_title (self->window_title, _(titles[kind]));
  /* The window's own title is what screen readers and window lists show. */
  gtk_window_set_title (GTK_WINDOW (self), _(titles[kind]));
  adw_window_title_set_subtitle (self->window_title,
                                 reflect_session_get_case_ref (reflect_run_get_session (run)));

  self->note = reflect_record_note_new (reflect_run_get_store (run),
                                        reflect_session_get_id (reflect_run_get_session (run)),
                                        &error);
  if (self->note == NULL)
    {
      set_status (self, error->message, TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.copy", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.print", FALSE);
      return GTK_WINDOW (self);
    }
  reflect_record_note_set_organisation (self->note, self->organisation);
  reflect_record_note_set_catalog (self->note, reflect_run_get_catalog (run));

  if (kind == REFLECT_EXPORT_AGENCY_SUMMARY)
    {
      g_auto(GStrv) agencies = reflect_record_note_get_agencies (self->note);
      g_autoptr(GtkStringList) list = gtk_string_list_new ((const char * const *)agencies);

      gtk_drop_down_set_model (self->agency_dropdown, G_LIST_MODEL (list));
      gtk_widget_set_visible (GTK_WIDGET (self->agency_box), TRUE);
    }

  /* Only the partnership's learning is a table: the menu's last section
   * saves it as CSV. */
  if (kind != REFLECT_EXPORT_LEARNING)
    g_menu_remove (self->save_menu, g_menu_model_get_n_items (G_MENU_MODEL (self->save_menu)) - 1);

  if (kind == REFLECT_EXPORT_LEARNING)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) earlier = g_date_time_add_months (now, -3);
      g_autofree char *from = g_date_time_format (earlier, "%Y-%m-%d");
      g_autofree char *to = g_date_time_format (now, "%Y-%m-%d");

      gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
      gtk_widget_set_visible (GTK_WIDGET (self->range_box), TRUE);
      /* The partnership's learning never carries names. */
      gtk_widget_set_visible (GTK_WIDGET (self->names_box), FALSE);
    }
  else if (kind == REFLECT_EXPORT_INVITATION)
    gtk_widget_set_visible (GTK_WIDGET (self->names_box), FALSE);
  else
    gtk_switch_set_active (self->names_switch, g_settings_get_boolean (settings, "include-names"));

  g_signal_connect_object (self->names_switch, "notify::active", G_CALLBACK (option_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agency_dropdown, "notify::selected",
                           G_CALLBACK (option_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_entry, "changed", G_CALLBACK (option_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_entry, "changed", G_CALLBACK (option_changed_cb), self,
                           G_CONNECT_SWAPPED);

  refresh (self);
  return GTK_WINDOW (self);
}
