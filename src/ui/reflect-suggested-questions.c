/* reflect-suggested-questions.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-suggested-questions"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-a11y.h"
#include "reflect-store-questions.h"
#include "reflect-suggested-questions.h"

/* The questions that suit the stage the clock is on (the bank sections
 * the model names for it), each one click from being asked.  It follows
 * the clock, and the clock of a new round. */
struct _ReflectSuggestedQuestions
{
  GtkWidget          parent_instance;

  GtkLabel          *source_label;
  GtkListBox        *list;
  GtkLabel          *empty_label;

  ReflectRun        *run;
  ReflectStageClock *clock;
  ReflectStore      *store;
  ReflectCatalog    *catalog;
  gulong             clock_id;
  gulong             stage_id;
  gulong             store_id;
  gulong             banks_id;

  GListStore        *questions;
  GHashTable        *asked_ids;
};

G_DEFINE_FINAL_TYPE (ReflectSuggestedQuestions, reflect_suggested_questions, GTK_TYPE_WIDGET)

#define set_label(widget, format, text)                                                  \
  G_STMT_START {                                                                         \
    g_autofree char *label_ = g_strdup_printf (format, text);                            \
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, \
                                    label_, -1);                                         \
  } G_STMT_END

static void
show_error (ReflectSuggestedQuestions *self,
            const char                *heading,
            const char                *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_row (ReflectSuggestedQuestions *self,
            GtkWidget                 *row)
{
  ReflectQuestion *question = g_object_get_data (G_OBJECT (row), "question");
  GtkWidget *star = g_object_get_data (G_OBJECT (row), "star");
  const char *text = reflect_question_get_text (question);
  gboolean favourite = reflect_question_get_favourite (question);

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
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "text"), text);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "asked"),
                          g_hash_table_contains (self->asked_ids,
                                                 reflect_question_get_id (question)));
}

static void
update_rows (ReflectSuggestedQuestions *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      if (box != NULL && g_object_get_data (G_OBJECT (box), "question") != NULL)
        update_row (self, box);
    }
}

static void
ask_clicked_cb (GtkButton                 *button,
                ReflectSuggestedQuestions *self)
{
  g_autoptr(GError) error = NULL;
  ReflectQuestion *question = g_object_get_data (G_OBJECT (button), "question");

  if (self->run == NULL || question == NULL)
    return;
  if (reflect_questions_ask (self->run, reflect_question_get_id (question),
                             reflect_question_get_text (question), &error) == 0)
    show_error (self, _("The Question Was Not Logged"), error->message);
}

static void
star_toggled_cb (GtkToggleButton           *star,
                 ReflectSuggestedQuestions *self)
{
  g_autoptr(GError) error = NULL;
  ReflectQuestion *question = g_object_get_data (G_OBJECT (star), "question");

  if (question == NULL || self->store == NULL || g_object_get_data (G_OBJECT (star), "updating"))
    return;
  if (!reflect_store_set_question_favourite (self->store, question,
                                             gtk_toggle_button_get_active (star), &error))
    show_error (self, _("The Favourite Was Not Saved"), error->message);
}

static void
question_notify_cb (ReflectQuestion *question,
                    GParamSpec      *pspec,
                    GtkWidget       *box)
{
  update_row (g_object_get_data (G_OBJECT (box), "view"), box);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ReflectSuggestedQuestions *self = user_data;
  ReflectQuestion *question = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *asked = gtk_image_new_from_icon_name ("object-select-symbolic");
  GtkWidget *star = gtk_toggle_button_new ();
  GtkWidget *ask = gtk_button_new_with_mnemonic (_("_Ask"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  gtk_widget_set_tooltip_text (asked, _("Asked in this session"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (asked), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Asked in this session"), -1);
  gtk_box_append (GTK_BOX (box), asked);

  gtk_widget_set_valign (star, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (star, "flat");
  g_object_set_data (G_OBJECT (star), "question", question);
  g_signal_connect (star, "toggled", G_CALLBACK (star_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), star);

  gtk_widget_set_valign (ask, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (ask, _("Log it as asked now and show it on the presenter screen"));
  set_label (ask, _("Ask question: %s"), reflect_question_get_text (question));
  g_object_set_data (G_OBJECT (ask), "question", question);
  g_signal_connect (ask, "clicked", G_CALLBACK (ask_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), ask);

  g_object_set_data_full (G_OBJECT (box), "question", g_object_ref (question), g_object_unref);
  g_object_set_data (G_OBJECT (box), "text", text);
  g_object_set_data (G_OBJECT (box), "asked", asked);
  g_object_set_data (G_OBJECT (box), "star", star);
  g_object_set_data (G_OBJECT (box), "view", self);
  /* Tied to the row: a row rebuilt for a new stage leaves no handler. */
  g_signal_connect_object (question, "notify", G_CALLBACK (question_notify_cb), box, 0);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  update_row (self, box);
  return row;
}

static void
reload_asked (ReflectSuggestedQuestions *self)
{
  g_autoptr(GListModel) log = NULL;

  g_hash_table_remove_all (self->asked_ids);
  if (self->run != NULL)
    log = reflect_store_list_asked_questions (self->store,
                                              reflect_session_get_id (reflect_run_get_session (self->run)),
                                              NULL);
  for (guint i = 0; log != NULL && i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(ReflectAskedQuestion) asked = g_list_model_get_item (log, i);
      g_hash_table_add (self->asked_ids,
                        g_strdup (reflect_asked_question_get_question_id (asked)));
    }
  update_rows (self);
}

static void
rebuild (ReflectSuggestedQuestions *self)
{
  ReflectModelStage *stage = self->run ? reflect_run_get_current_stage (self->run) : NULL;
  const char * const *sections = stage ? reflect_model_stage_get_question_sections (stage) : NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) source = g_string_new (NULL);

  for (guint i = 0; sections != NULL && sections[i] != NULL && self->catalog != NULL; i++)
    {
      guint section = 0;
      ReflectQuestionBank *bank = reflect_questions_find_section (self->catalog, sections[i],
                                                                  &section);
      GListModel *questions;

      if (bank == NULL)
        continue;

      questions = reflect_question_bank_get_section_questions (bank, section);
      for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
        g_ptr_array_add (items, g_list_model_get_item (questions, q));

      if (source->len > 0)
        g_string_append (source, "; ");
      /* Translators: where suggested questions come from: bank — section */
      g_string_append_printf (source, _("%s — %s"), reflect_question_bank_get_title (bank),
                              reflect_question_bank_get_section_title (bank, section));
    }

  g_list_store_splice (self->questions, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->questions)),
                       items->pdata, items->len);
  gtk_label_set_text (self->source_label, source->str);
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), source->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), items->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), items->len == 0);
}

static void
set_clock (ReflectSuggestedQuestions *self,
           ReflectStageClock         *clock)
{
  if (self->clock != NULL)
    g_clear_signal_handler (&self->stage_id, self->clock);
  g_set_object (&self->clock, clock);
  if (clock != NULL)
    self->stage_id = g_signal_connect_swapped (clock, "notify::current-stage",
                                               G_CALLBACK (rebuild), self);
}

static void
run_clock_cb (ReflectSuggestedQuestions *self)
{
  set_clock (self, reflect_run_get_clock (self->run));
  rebuild (self);
}

static void
store_changed_cb (ReflectSuggestedQuestions *self,
                  gint64                     session_id)
{
  if (self->run != NULL &&
      (session_id == 0 ||
       session_id == reflect_session_get_id (reflect_run_get_session (self->run))))
    reload_asked (self);
}

static void
disconnect_run (ReflectSuggestedQuestions *self)
{
  set_clock (self, NULL);
  if (self->run != NULL)
    g_clear_signal_handler (&self->clock_id, self->run);
  if (self->store != NULL)
    g_clear_signal_handler (&self->store_id, self->store);
  if (self->catalog != NULL)
    g_clear_signal_handler (&self->banks_id, reflect_catalog_get_banks (self->catalog));
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  g_clear_object (&self->run);
}

static void
reflect_suggested_questions_dispose (GObject *object)
{
  ReflectSuggestedQuestions *self = (ReflectSuggestedQuestions *)object;

  disconnect_run (self);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (reflect_suggested_questions_parent_class)->dispose (object);
}

static void
reflect_suggested_questions_finalize (GObject *object)
{
  ReflectSuggestedQuestions *self = (ReflectSuggestedQuestions *)object;

  g_clear_object (&self->questions);
  g_clear_pointer (&self->asked_ids, g_hash_table_unref);

  G_OBJECT_CLASS (reflect_suggested_questions_parent_class)->finalize (object);
}

static void
reflect_suggested_questions_class_init (ReflectSuggestedQuestionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_suggested_questions_dispose;
  object_class->finalize = reflect_suggested_questions_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-suggested-questions.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectSuggestedQuestions, source_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectSuggestedQuestions, list);
  gtk_widget_class_bind_template_child (widget_class, ReflectSuggestedQuestions, empty_label);
}

static void
reflect_suggested_questions_init (ReflectSuggestedQuestions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->questions = g_list_store_new (REFLECT_TYPE_QUESTION);
  self->asked_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->questions), create_row, self, NULL);
  rebuild (self);
}

GtkWidget *
reflect_suggested_questions_new (void)
{
  return g_object_new (REFLECT_TYPE_SUGGESTED_QUESTIONS, NULL);
}

/**
 * reflect_suggested_questions_set_run:
 * @run: (nullable): the session being run
 */
void
reflect_suggested_questions_set_run (ReflectSuggestedQuestions *self,
                                     ReflectRun                *run)
{
  g_return_if_fail (REFLECT_IS_SUGGESTED_QUESTIONS (self));
  g_return_if_fail (run == NULL || REFLECT_IS_RUN (run));

  if (run == self->run)
    return;

  disconnect_run (self);
  if (run != NULL)
    {
      self->run = g_object_ref (run);
      self->store = g_object_ref (reflect_run_get_store (run));
      self->catalog = reflect_run_get_catalog (run) ? g_object_ref (reflect_run_get_catalog (run))
                                                    : reflect_catalog_new (self->store);
      self->clock_id = g_signal_connect_swapped (run, "notify::clock", G_CALLBACK (run_clock_cb),
                                                 self);
      self->store_id = g_signal_connect_swapped (self->store, "changed",
                                                 G_CALLBACK (store_changed_cb), self);
      self->banks_id = g_signal_connect_swapped (reflect_catalog_get_banks (self->catalog),
                                                 "items-changed", G_CALLBACK (rebuild), self);
      set_clock (self, reflect_run_get_clock (run));
    }

  rebuild (self);
  reload_asked (self);
}

/**
 * reflect_suggested_questions_get_questions:
 *
 * Returns: (transfer none): the #ReflectQuestion items shown, for tests
 */
GListModel *
reflect_suggested_questions_get_questions (ReflectSuggestedQuestions *self)
{
  g_return_val_if_fail (REFLECT_IS_SUGGESTED_QUESTIONS (self), NULL);
  return G_LIST_MODEL (self->questions);
}
