/* reflect-session-filters.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-session-filters"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-session-filters.h"

/* The model, state and date choices under the Sessions search entry.  A
 * widget of its own so the page can make it when the search bar first
 * opens: three drop-downs, each with its popover and list, are a good part
 * of the cost of a launch that only shows the list. */
struct _ReflectSessionFilters
{
  GtkWidget    parent_instance;

  GtkDropDown *model_filter;
  GtkDropDown *state_filter;
  GtkDropDown *date_filter;

  GListStore  *model_ids;  /* GtkStringObject ids behind model_filter */
};

G_DEFINE_FINAL_TYPE (ReflectSessionFilters, reflect_session_filters, GTK_TYPE_WIDGET)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
selected_cb (ReflectSessionFilters *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
reflect_session_filters_dispose (GObject *object)
{
  ReflectSessionFilters *self = (ReflectSessionFilters *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), REFLECT_TYPE_SESSION_FILTERS);
  g_clear_object (&self->model_ids);

  G_OBJECT_CLASS (reflect_session_filters_parent_class)->dispose (object);
}

static void
reflect_session_filters_class_init (ReflectSessionFiltersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_session_filters_dispose;

  /**
   * ReflectSessionFilters::changed:
   *
   * A choice changed: read the filter again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-session-filters.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectSessionFilters, model_filter);
  gtk_widget_class_bind_template_child (widget_class, ReflectSessionFilters, state_filter);
  gtk_widget_class_bind_template_child (widget_class, ReflectSessionFilters, date_filter);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
}

static void
reflect_session_filters_init (ReflectSessionFilters *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->model_ids = g_list_store_new (GTK_TYPE_STRING_OBJECT);
}

ReflectSessionFilters *
reflect_session_filters_new (void)
{
  return g_object_new (REFLECT_TYPE_SESSION_FILTERS, NULL);
}

/**
 * reflect_session_filters_set_catalog:
 *
 * Offers the catalog's models, after "All models".
 */
void
reflect_session_filters_set_catalog (ReflectSessionFilters *self,
                                     ReflectCatalog        *catalog)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringObject) all = gtk_string_object_new ("");
  GListModel *models;

  g_return_if_fail (REFLECT_IS_SESSION_FILTERS (self));
  g_return_if_fail (REFLECT_IS_CATALOG (catalog));

  models = reflect_catalog_get_models (catalog);
  g_list_store_remove_all (self->model_ids);
  gtk_string_list_append (titles, _("All models"));
  g_list_store_append (self->model_ids, all);
  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(ReflectModel) model = g_list_model_get_item (models, i);
      g_autoptr(GtkStringObject) id = gtk_string_object_new (reflect_model_get_id (model));

      gtk_string_list_append (titles, reflect_model_get_title (model));
      g_list_store_append (self->model_ids, id);
    }
  gtk_drop_down_set_model (self->model_filter, G_LIST_MODEL (titles));
}

/**
 * reflect_session_filters_read:
 * @filter: filled in from the choices; its model id is owned by @self
 *
 * Leaves alone what is not chosen ("All models", "Any state", "Any date").
 */
void
reflect_session_filters_read (ReflectSessionFilters *self,
                              ReflectSessionFilter  *filter)
{
  guint model, state, date;
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (REFLECT_IS_SESSION_FILTERS (self));

  model = gtk_drop_down_get_selected (self->model_filter);
  state = gtk_drop_down_get_selected (self->state_filter);
  date = gtk_drop_down_get_selected (self->date_filter);

  if (model != GTK_INVALID_LIST_POSITION && model > 0 &&
      model < g_list_model_get_n_items (G_LIST_MODEL (self->model_ids)))
    {
      g_autoptr(GtkStringObject) id = g_list_model_get_item (G_LIST_MODEL (self->model_ids), model);
      filter->model_id = gtk_string_object_get_string (id);
    }

  if (state != GTK_INVALID_LIST_POSITION && state > 0)
    filter->state = (int)state - 1;

  if (date != 1 && date != 2 && date != 3)
    return;

  now = g_date_time_new_now_local ();
  if (date == 1 || date == 2)
    {
      g_autoptr(GDateTime) from = g_date_time_add_months (now, date == 1 ? -3 : -12);
      filter->from = g_date_time_to_unix (from);
    }
  else
    {
      g_autoptr(GDateTime) until = g_date_time_add_months (now, -12);
      filter->until = g_date_time_to_unix (until);
    }
}
