/* reflect-run.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-run"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-run.h"
#include "reflect-store-private.h"
#include "reflect-utils.h"

/* A session as it is being run: the round in progress, its stage clock
 * (stored on every transition, so a crash or a quit resumes where it
 * was), and the question currently in the air.  Every view of the
 * workspace and the presenter window share one. */
struct _ReflectRun
{
  GObject            parent_instance;

  ReflectStore      *store;
  ReflectCatalog    *catalog;
  ReflectSession    *session;
  ReflectStageClock *clock;
  gint64             round_id;
  char              *current_question;
  gulong             clock_changed_id;
};

G_DEFINE_FINAL_TYPE (ReflectRun, reflect_run, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_ROUND,
  PROP_CURRENT_QUESTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ReflectStageClock *
new_clock_for_model (ReflectModel *model)
{
  guint n = reflect_model_get_n_stages (model);
  g_autofree gint64 *planned = g_new0 (gint64, n);

  for (guint i = 0; i < n; i++)
    planned[i] = (gint64)reflect_model_stage_get_minutes (reflect_model_get_stage (model, i)) * 60;

  return reflect_stage_clock_new (planned, n);
}

static void
clock_changed_cb (ReflectRun        *self,
                  ReflectStageClock *clock)
{
  g_autoptr(GError) error = NULL;

  if (!reflect_run_save_clock (self, &error))
    g_warning ("Could not save the stage clock: %s", error->message);
}

static void
set_clock (ReflectRun        *self,
           ReflectStageClock *clock)
{
  if (self->clock != NULL)
    g_clear_signal_handler (&self->clock_changed_id, self->clock);
  g_set_object (&self->clock, clock);
  self->clock_changed_id = g_signal_connect_object (clock, "changed",
                                                    G_CALLBACK (clock_changed_cb), self,
                                                    G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

static gboolean
load_round (ReflectRun  *self,
            GError     **error)
{
  g_autoptr(ReflectStageClock) clock = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint round = reflect_session_get_current_round (self->session);
  ReflectModel *model = reflect_session_get_model (self->session);

  stmt = reflect_store_prepare (self->store,
    "SELECT id, clock FROM rounds WHERE session_id = ?1 AND number = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, reflect_session_get_id (self->session));
  sqlite3_bind_int (stmt, 2, (int)round);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *saved = reflect_store_column_text (stmt, 1);

      self->round_id = sqlite3_column_int64 (stmt, 0);
      if (*saved != '\0')
        {
          g_autoptr(GError) local_error = NULL;

          clock = reflect_stage_clock_deserialize (saved, &local_error);
          if (clock == NULL)
            g_warning ("The saved stage clock of round %u could not be read (%s); starting afresh",
                       round, local_error->message);
          else if (reflect_stage_clock_get_n_stages (clock) != reflect_model_get_n_stages (model))
            g_clear_object (&clock);
        }
    }
  else
    {
      g_autoptr(sqlite3_stmt) insert = NULL;

      g_clear_pointer (&stmt, reflect_store_release_statement);
      insert = reflect_store_prepare (self->store,
        "INSERT INTO rounds (session_id, number) VALUES (?1, ?2)", error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, reflect_session_get_id (self->session));
      sqlite3_bind_int (insert, 2, (int)round);
      if (!reflect_store_step_done (self->store, insert, error))
        return FALSE;
      self->round_id = sqlite3_last_insert_rowid (reflect_store_get_db (self->store));
    }

  if (clock == NULL)
    clock = new_clock_for_model (model);

  set_clock (self, clock);
  return TRUE;
}

static void
reflect_run_dispose (GObject *object)
{
  ReflectRun *self = (ReflectRun *)object;

  if (self->clock != NULL)
    g_clear_signal_handler (&self->clock_changed_id, self->clock);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (reflect_run_parent_class)->dispose (object);
}

static void
reflect_run_finalize (GObject *object)
{
  ReflectRun *self = (ReflectRun *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->session);
  g_clear_pointer (&self->current_question, g_free);

  G_OBJECT_CLASS (reflect_run_parent_class)->finalize (object);
}

static void
reflect_run_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ReflectRun *self = REFLECT_RUN (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_ROUND:
      g_value_set_uint (value, reflect_run_get_round (self));
      break;
    case PROP_CURRENT_QUESTION:
      g_value_set_string (value, self->current_question);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reflect_run_class_init (ReflectRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = reflect_run_dispose;
  object_class->finalize = reflect_run_finalize;
  object_class->get_property = reflect_run_get_property;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, REFLECT_TYPE_STAGE_CLOCK,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUND] =
    g_param_spec_uint ("round", NULL, NULL, 1, G_MAXUINT, 1,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_QUESTION] =
    g_param_spec_string ("current-question", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reflect_run_init (ReflectRun *self)
{
}

/**
 * reflect_run_new:
 * @session: a session loaded with its model (reflect_store_load_session())
 *
 * Returns: (transfer full) (nullable): the run of the session's current
 * round, with its clock restored
 */
ReflectRun *
reflect_run_new (ReflectStore    *store,
                 ReflectCatalog  *catalog,
                 ReflectSession  *session,
                 GError         **error)
{
  g_autoptr(ReflectRun) self = NULL;

  g_return_val_if_fail (REFLECT_IS_STORE (store), NULL);
  g_return_val_if_fail (REFLECT_IS_SESSION (session), NULL);
  g_return_val_if_fail (reflect_session_get_model (session) != NULL, NULL);

  self = g_object_new (REFLECT_TYPE_RUN, NULL);
  self->store = g_object_ref (store);
  self->catalog = catalog ? g_object_ref (catalog) : NULL;
  self->session = g_object_ref (session);

  if (!load_round (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

ReflectStore *
reflect_run_get_store (ReflectRun *self)
{
  g_return_val_if_fail (REFLECT_IS_RUN (self), NULL);
  return self->store;
}

/**
 * reflect_run_get_catalog:
 *
 * Returns: (transfer none) (nullable)
 */
ReflectCatalog *
reflect_run_get_catalog (ReflectRun *self)
{
  g_return_val_if_fail (REFLECT_IS_RUN (self), NULL);
  return self->catalog;
}

ReflectSession *
reflect_run_get_session (ReflectRun *self)
{
  g_return_val_if_fail (REFLECT_IS_RUN (self), NULL);
  return self->session;
}

ReflectModel *
reflect_run_get_model (ReflectRun *self)
{
  g_return_val_if_fail (REFLECT_IS_RUN (self), NULL);
  return reflect_session_get_model (self->session);
}

ReflectStageClock *
reflect_run_get_clock (ReflectRun *self)
{
  g_return_val_if_fail (REFLECT_IS_RUN (self), NULL);
  return self->clock;
}

guint
reflect_run_get_round (ReflectRun *self)
{
  g_return_val_if_fail (REFLECT_IS_RUN (self), 1);
  return reflect_session_get_current_round (self->session);
}

gint64
reflect_run_get_round_id (ReflectRun *self)
{
  g_return_val_if_fail (REFLECT_IS_RUN (self), 0);
  return self->round_id;
}

/**
 * reflect_run_get_current_stage:
 *
 * Returns: (transfer none): the stage the clock is on
 */
ReflectModelStage *
reflect_run_get_current_stage (ReflectRun *self)
{
  g_return_val_if_fail (REFLECT_IS_RUN (self), NULL);
  return reflect_model_get_stage (reflect_run_get_model (self),
                                  reflect_stage_clock_get_current_stage (self->clock));
}

const char *
reflect_run_get_current_question (ReflectRun *self)
{
  g_return_val_if_fail (REFLECT_IS_RUN (self), NULL);
  return self->current_question;
}

/**
 * reflect_run_set_current_question:
 * @text: (nullable): the question just asked, shown on the presenter window
 */
void
reflect_run_set_current_question (ReflectRun *self,
                                  const char *text)
{
  g_return_if_fail (REFLECT_IS_RUN (self));

  if (reflect_set_string (&self->current_question, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_QUESTION]);
}

/**
 * reflect_run_save_clock:
 *
 * Stores the clock of the current round.  Called on every clock
 * transition; the state session is marked in progress or finished.
 */
gboolean
reflect_run_save_clock (ReflectRun  *self,
                        GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ReflectSessionState state;

  g_return_val_if_fail (REFLECT_IS_RUN (self), FALSE);

  data = reflect_stage_clock_serialize (self->clock);
  stmt = reflect_store_prepare (self->store,
    "UPDATE rounds SET clock = ?1,"
    " started_at = COALESCE (started_at, CASE WHEN ?2 THEN ?3 END),"
    " ended_at = CASE WHEN ?4 THEN ?3 END"
    " WHERE id = ?5", error);
  if (stmt == NULL)
    return FALSE;

  reflect_store_bind_text (stmt, 1, data);
  sqlite3_bind_int (stmt, 2, reflect_stage_clock_has_started (self->clock));
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int (stmt, 4, reflect_stage_clock_is_finished (self->clock));
  sqlite3_bind_int64 (stmt, 5, self->round_id);
  if (!reflect_store_step_done (self->store, stmt, error))
    return FALSE;

  state = reflect_stage_clock_is_finished (self->clock) ? REFLECT_SESSION_FINISHED
        : reflect_stage_clock_has_started (self->clock) ? REFLECT_SESSION_IN_PROGRESS
        : reflect_session_get_state (self->session);
  if (state != reflect_session_get_state (self->session))
    {
      reflect_session_set_state (self->session, state);
      return reflect_store_update_session (self->store, self->session, error);
    }

  return TRUE;
}

/**
 * reflect_run_start_next_round:
 *
 * After a break the process may be repeated with roles reassigned: the
 * previous round keeps its clock and roles on record; the new round starts
 * with the stage times reset.
 */
gboolean
reflect_run_start_next_round (ReflectRun  *self,
                              GError     **error)
{
  guint round;

  g_return_val_if_fail (REFLECT_IS_RUN (self), FALSE);

  if (reflect_stage_clock_is_running (self->clock))
    reflect_stage_clock_finish (self->clock);

  round = reflect_session_get_current_round (self->session) + 1;
  reflect_session_set_current_round (self->session, round);
  reflect_session_set_state (self->session, REFLECT_SESSION_IN_PROGRESS);
  if (!reflect_store_update_session (self->store, self->session, error) ||
      !load_round (self, error))
    return FALSE;

  reflect_run_set_current_question (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND]);
  return TRUE;
}
