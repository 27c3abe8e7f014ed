/* reflect-stage-clock.c
 *
 * Copyright 2026 The Reflect authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-stage-clock"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "reflect-stage-clock.h"

/* The clock never counts ticks. Each stage keeps the time it has already
 * banked, and the running part of the current stage is always derived from
 * the distance between now and running_since. Every transition banks that
 * running part first, so nothing depends on how often anyone looks.
 *
 * The limits below are shared by the setters and the deserialiser, so that
 * every state the API can reach is also a state a restore accepts.
 */

#define FORMAT_VERSION   1
#define MAX_STAGES       200
#define MAX_PLANNED_S    G_GINT64_CONSTANT (86400)
/* A hundred years: far past any session, small enough that 200 stages of it
 * plus any timestamp still fit in a gint64. */
#define MAX_ELAPSED_US   (G_GINT64_CONSTANT (100) * 366 * 86400 * G_USEC_PER_SEC)
#define SHORTEN_FLOOR_US (G_GINT64_CONSTANT (30) * G_USEC_PER_SEC)
/* The last microsecond of the year 9999. */
#define MAX_TIME_US      G_GINT64_CONSTANT (253402300799999999)

/* A valid state is three levels deep and well under a kilobyte per ten
 * stages; anything beyond these is refused before json-glib sees it. */
#define MAX_DATA_LEN     (64 * 1024)
#define MAX_DEPTH        8
#define MAX_DIGITS       18

typedef struct
{
  gint64 planned_s;
  gint64 elapsed_us;
} Stage;

struct _ReflectStageClock
{
  GObject          parent_instance;

  Stage           *stages;
  guint            n_stages;
  guint            current;

  /* Wall-clock start of the part of the current stage not yet banked into
   * its elapsed_us; only meaningful while running. */
  gint64           running_since;

  ReflectTimeFunc  time_func;
  gpointer         time_data;
  GDestroyNotify   time_destroy;

  guint            running : 1;
  guint            finished : 1;
  guint            started : 1;
};

/* What the property notifications compare against after a transition. */
typedef struct
{
  guint    current;
  gboolean running;
  gboolean finished;
} Snapshot;

G_DEFINE_FINAL_TYPE (ReflectStageClock, reflect_stage_clock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CURRENT_STAGE,
  PROP_RUNNING,
  PROP_FINISHED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gint64
get_now (ReflectStageClock *self)
{
  gint64 now_us;

  if (self->time_func != NULL)
    now_us = self->time_func (self->time_data);
  else
    now_us = g_get_real_time ();

  /* No reading outside these is real, and holding them in keeps
   * running_since inside the range a restore accepts. */
  return CLAMP (now_us, 0, MAX_TIME_US);
}

/* A wall clock that steps backwards (NTP, a bad RTC after suspend) must
 * never produce negative elapsed time, so such an interval counts as
 * nothing. The unsigned difference cannot overflow, whatever the inputs. */
static gint64
interval_between (gint64 since,
                  gint64 until)
{
  guint64 diff;

  if (until <= since)
    return 0;

  diff = (guint64) until - (guint64) since;

  return (gint64) MIN (diff, (guint64) MAX_ELAPSED_US);
}

static gint64
elapsed_at (ReflectStageClock *self,
            guint              stage,
            gint64             now_us)
{
  gint64 elapsed = self->stages[stage].elapsed_us;

  if (self->running && stage == self->current)
    elapsed += interval_between (self->running_since, now_us);

  return MIN (elapsed, MAX_ELAPSED_US);
}

static gint64
remaining_at (ReflectStageClock *self,
              gint64             now_us)
{
  return self->stages[self->current].planned_s * G_USEC_PER_SEC
         - elapsed_at (self, self->current, now_us);
}

/* Banks the running part into the current stage and restarts the running
 * part at now, so a transition that changes stage keeps the clock running
 * into the new one without losing or double-counting a microsecond. */
static void
bank_running_time (ReflectStageClock *self)
{
  gint64 now_us;

  if (!self->running)
    return;

  now_us = get_now (self);
  self->stages[self->current].elapsed_us = elapsed_at (self, self->current, now_us);
  self->running_since = now_us;
}

static Snapshot
begin_transition (ReflectStageClock *self)
{
  bank_running_time (self);

  return (Snapshot) { self->current, self->running, self->finished };
}

static void
end_transition (ReflectStageClock *self,
                const Snapshot    *before)
{
  if (before->current != self->current)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_STAGE]);

  if (before->running != self->running)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  if (before->finished != self->finished)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
move_to_stage (ReflectStageClock *self,
               guint              stage)
{
  Snapshot before;

  g_assert (stage < self->n_stages);
  g_assert (stage != self->current);

  before = begin_transition (self);
  self->current = stage;
  end_transition (self, &before);
}

static gboolean
is_pristine (ReflectStageClock *self)
{
  if (self->current != 0 || self->running || self->finished || self->started)
    return FALSE;

  for (guint i = 0; i < self->n_stages; i++)
    {
      if (self->stages[i].elapsed_us != 0)
        return FALSE;
    }

  return TRUE;
}

/* Microseconds to whole seconds, rounding up, for values known to be >= 0. */
static gint64
ceil_seconds (gint64 us)
{
  return (us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
}

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "Invalid stage clock state: %s", message);

  return FALSE;
}

/* json-glib 1.6 recurses once per nesting level with no limit (a long run
 * of '[' overflows the stack) and silently wraps integer literals beyond
 * gint64 (-99999999999999999999 reads as 1). Restored state may come from
 * a damaged file, so such input is refused before the parser runs. */
static gboolean
check_shape (const char  *data,
             GError     **error)
{
  const char *string_start = NULL;
  const char *key = NULL;
  gboolean in_string = FALSE;
  gboolean escaped = FALSE;
  gboolean ended = FALSE;
  guint depth = 0;
  guint digits = 0;
  int key_len = 0;
  gsize len;

  len = strnlen (data, MAX_DATA_LEN + 1);
  if (len > MAX_DATA_LEN)
    return set_invalid (error, "longer than %d bytes", MAX_DATA_LEN);

  if (!g_utf8_validate (data, len, NULL))
    return set_invalid (error, "not valid UTF-8");

  /* The state is always an object. json-glib also leaks what it parsed
   * when a value such as "8{}" is followed by another. */
  data += strspn (data, " \t\n\r");
  if (*data != '{')
    return set_invalid (error, "not a JSON object");

  for (const char *p = data; *p != '\0'; p++)
    {
      char c = *p;

      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      /* json-glib would quietly take the last of two concatenated
       * documents, as a torn or doubled write might leave. */
      if (ended && !g_ascii_isspace (c))
        return set_invalid (error, "more data after the end of the state");

      if (g_ascii_isdigit (c))
        {
          if (++digits <= MAX_DIGITS)
            continue;

          /* Name the field when there is one, as every other fault does. */
          if (key != NULL)
            return set_invalid (error, "field “%.*s” is too large", key_len, key);

          return set_invalid (error, "a number is too large");
        }

      digits = 0;

      if (c == '"')
        {
          in_string = TRUE;
          string_start = p + 1;
        }
      else if (c == ':' && string_start != NULL)
        {
          /* The string before a colon is a key. Ours are short and plain;
           * any other is not worth quoting back. */
          gsize n = strcspn (string_start, "\"\\");

          key = n <= 32 ? string_start : NULL;
          key_len = (int) n;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            return set_invalid (error, "nested too deeply");
        }
      else if ((c == ']' || c == '}') && depth > 0)
        {
          /* Mismatched brackets are the parser's to report. */
          ended = --depth == 0;
        }
    }

  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *where,
          const char  *member,
          gint64       min,
          gint64       max,
          gint64      *out_value,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL)
    return set_invalid (error, "field “%s%s” is missing", where, member);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return set_invalid (error, "field “%s%s” must be an integer", where, member);

  value = json_node_get_int (node);
  if (value < min || value > max)
    return set_invalid (error,
                        "field “%s%s” is %" G_GINT64_FORMAT ", outside %" G_GINT64_FORMAT
                        "…%" G_GINT64_FORMAT,
                        where, member, value, min, max);

  *out_value = value;

  return TRUE;
}

static gboolean
read_boolean (JsonObject  *object,
              const char  *member,
              gboolean    *out_value,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return set_invalid (error, "field “%s” is missing", member);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return set_invalid (error, "field “%s” must be true or false", member);

  *out_value = json_node_get_boolean (node);

  return TRUE;
}

static void
reflect_stage_clock_finalize (GObject *object)
{
  ReflectStageClock *self = (ReflectStageClock *)object;

  if (self->time_destroy != NULL)
    self->time_destroy (self->time_data);

  g_clear_pointer (&self->stages, g_free);

  G_OBJECT_CLASS (reflect_stage_clock_parent_class)->finalize (object);
}

static void
reflect_stage_clock_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ReflectStageClock *self = REFLECT_STAGE_CLOCK (object);

  switch (prop_id)
    {
    case PROP_CURRENT_STAGE:
      g_value_set_uint (value, self->current);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    case PROP_FINISHED:
      g_value_set_boolean (value, self->finished);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reflect_stage_clock_class_init (ReflectStageClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reflect_stage_clock_finalize;
  object_class->get_property = reflect_stage_clock_get_property;

  /**
   * ReflectStageClock:current-stage:
   *
   * The index of the stage the session is in.
   */
  properties[PROP_CURRENT_STAGE] =
    g_param_spec_uint ("current-stage", NULL, NULL,
                       0, MAX_STAGES - 1, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReflectStageClock:running:
   *
   * Whether time is being counted, so the UI knows when to tick.
   */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReflectStageClock:finished:
   *
   * Whether the session has been finished and its timings are final.
   */
  properties[PROP_FINISHED] =
    g_param_spec_boolean ("finished", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ReflectStageClock::changed:
   *
   * Emitted after every transition that changes the clock's state, and
   * never from a getter, so that persisting on it writes only real changes.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
reflect_stage_clock_init (ReflectStageClock *self G_GNUC_UNUSED)
{
}

static ReflectStageClock *
create_clock (guint n_stages)
{
  ReflectStageClock *self = g_object_new (REFLECT_TYPE_STAGE_CLOCK, NULL);

  self->n_stages = n_stages;
  self->stages = g_new0 (Stage, n_stages);

  return self;
}

/**
 * reflect_stage_clock_new:
 * @planned_seconds: (array length=n_stages): the planned length of each stage
 * @n_stages: the number of stages, from 1 to 200
 *
 * Creates a clock for a session that has not started yet. Each planned
 * length must be from 1 s to a day. Time comes from g_get_real_time()
 * until reflect_stage_clock_set_time_func() says otherwise.
 *
 * Returns: (transfer full): a new #ReflectStageClock
 */
ReflectStageClock *
reflect_stage_clock_new (const gint64 *planned_seconds,
                         guint         n_stages)
{
  ReflectStageClock *self;

  g_return_val_if_fail (planned_seconds != NULL, NULL);
  g_return_val_if_fail (n_stages >= 1 && n_stages <= MAX_STAGES, NULL);

  for (guint i = 0; i < n_stages; i++)
    g_return_val_if_fail (planned_seconds[i] > 0 && planned_seconds[i] <= MAX_PLANNED_S, NULL);

  self = create_clock (n_stages);

  for (guint i = 0; i < n_stages; i++)
    self->stages[i].planned_s = planned_seconds[i];

  return self;
}

/**
 * reflect_stage_clock_set_time_func:
 * @self: a #ReflectStageClock
 * @func: (nullable): the wall-clock source, or %NULL for g_get_real_time()
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data when it is replaced or @self is finalized
 *
 * Replaces the source of time, so tests can drive the clock and nothing
 * else needs to know. The state is not touched: a running clock measures
 * its running part against the new source from now on.
 */
void
reflect_stage_clock_set_time_func (ReflectStageClock *self,
                                   ReflectTimeFunc    func,
                                   gpointer           user_data,
                                   GDestroyNotify     destroy)
{
  GDestroyNotify old_destroy;
  gpointer old_data;

  g_return_if_fail (REFLECT_IS_STAGE_CLOCK (self));

  old_destroy = self->time_destroy;
  old_data = self->time_data;

  self->time_func = func;
  self->time_data = user_data;
  self->time_destroy = destroy;

  /* Last, in case the old data's destructor looks at the clock. */
  if (old_destroy != NULL)
    old_destroy (old_data);
}

/**
 * reflect_stage_clock_get_n_stages:
 * @self: a #ReflectStageClock
 *
 * Returns: the number of stages, which never changes
 */
guint
reflect_stage_clock_get_n_stages (ReflectStageClock *self)
{
  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), 0);

  return self->n_stages;
}

/**
 * reflect_stage_clock_get_current_stage:
 * @self: a #ReflectStageClock
 *
 * Returns: the index of the current stage
 */
guint
reflect_stage_clock_get_current_stage (ReflectStageClock *self)
{
  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), 0);

  return self->current;
}

/**
 * reflect_stage_clock_is_running:
 * @self: a #ReflectStageClock
 *
 * Returns: %TRUE while time is being counted
 */
gboolean
reflect_stage_clock_is_running (ReflectStageClock *self)
{
  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), FALSE);

  return self->running;
}

/**
 * reflect_stage_clock_is_finished:
 * @self: a #ReflectStageClock
 *
 * Returns: %TRUE once reflect_stage_clock_finish() has been called and
 *   until the next reset
 */
gboolean
reflect_stage_clock_is_finished (ReflectStageClock *self)
{
  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), FALSE);

  return self->finished;
}

/**
 * reflect_stage_clock_has_started:
 * @self: a #ReflectStageClock
 *
 * Tells a paused session apart from one that never began, so the UI can
 * offer "Start" rather than "Resume".
 *
 * Returns: %TRUE if the clock has been started since it was created or reset
 */
gboolean
reflect_stage_clock_has_started (ReflectStageClock *self)
{
  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), FALSE);

  return self->started;
}

/**
 * reflect_stage_clock_start:
 * @self: a #ReflectStageClock
 *
 * Starts or resumes counting time in the current stage. Does nothing when
 * already running, or once finished because the timings are then a record.
 */
void
reflect_stage_clock_start (ReflectStageClock *self)
{
  Snapshot before;

  g_return_if_fail (REFLECT_IS_STAGE_CLOCK (self));

  if (self->running || self->finished)
    return;

  before = begin_transition (self);
  self->running = TRUE;
  self->started = TRUE;
  self->running_since = get_now (self);
  end_transition (self, &before);
}

/**
 * reflect_stage_clock_pause:
 * @self: a #ReflectStageClock
 *
 * Stops counting time, keeping what the current stage has used so far.
 */
void
reflect_stage_clock_pause (ReflectStageClock *self)
{
  Snapshot before;

  g_return_if_fail (REFLECT_IS_STAGE_CLOCK (self));

  if (!self->running)
    return;

  before = begin_transition (self);
  self->running = FALSE;
  self->running_since = 0;
  end_transition (self, &before);
}

/**
 * reflect_stage_clock_toggle:
 * @self: a #ReflectStageClock
 *
 * Pauses a running clock or starts a paused one: the one key a facilitator
 * presses.
 */
void
reflect_stage_clock_toggle (ReflectStageClock *self)
{
  g_return_if_fail (REFLECT_IS_STAGE_CLOCK (self));

  if (self->running)
    reflect_stage_clock_pause (self);
  else
    reflect_stage_clock_start (self);
}

/**
 * reflect_stage_clock_extend:
 * @self: a #ReflectStageClock
 * @seconds: how much to add to the current stage's plan; negative to cut it
 *
 * Gives the current stage more (or less) time. The plan stays between 1 s
 * and a day, so a stage can be cut to its end but never below it.
 * Does nothing once finished.
 */
void
reflect_stage_clock_extend (ReflectStageClock *self,
                            gint64             seconds)
{
  Stage *stage;
  Snapshot before;
  gint64 planned;

  g_return_if_fail (REFLECT_IS_STAGE_CLOCK (self));

  if (self->finished)
    return;

  stage = &self->stages[self->current];

  /* Clamping the step first keeps the sum from overflowing. */
  seconds = CLAMP (seconds, -MAX_PLANNED_S, MAX_PLANNED_S);
  planned = CLAMP (stage->planned_s + seconds, 1, MAX_PLANNED_S);

  if (planned == stage->planned_s)
    return;

  before = begin_transition (self);
  stage->planned_s = planned;
  end_transition (self, &before);
}

/**
 * reflect_stage_clock_set_elapsed:
 * @self: a #ReflectStageClock
 * @seconds: how long the current stage has really been going, >= 0
 *
 * Corrects a late start: when the facilitator pressed Start a few minutes
 * into the stage, this makes the clock agree with the room. Whether the
 * clock runs is unchanged. Does nothing once finished.
 */
void
reflect_stage_clock_set_elapsed (ReflectStageClock *self,
                                 gint64             seconds)
{
  Snapshot before;
  gint64 elapsed_us;

  g_return_if_fail (REFLECT_IS_STAGE_CLOCK (self));
  g_return_if_fail (seconds >= 0);

  if (self->finished)
    return;

  elapsed_us = MIN (seconds, MAX_ELAPSED_US / G_USEC_PER_SEC) * G_USEC_PER_SEC;

  if (elapsed_at (self, self->current, get_now (self)) == elapsed_us)
    return;

  /* Banking first makes the running part restart at now, so the stage
   * reads exactly @seconds at this instant. */
  before = begin_transition (self);
  self->stages[self->current].elapsed_us = elapsed_us;
  end_transition (self, &before);
}

/**
 * reflect_stage_clock_next:
 * @self: a #ReflectStageClock
 *
 * Moves to the next stage; a running clock keeps running into it.
 *
 * Returns: %FALSE, changing nothing, at the last stage or once finished
 */
gboolean
reflect_stage_clock_next (ReflectStageClock *self)
{
  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), FALSE);

  if (self->finished || self->current + 1 >= self->n_stages)
    return FALSE;

  move_to_stage (self, self->current + 1);

  return TRUE;
}

/**
 * reflect_stage_clock_previous:
 * @self: a #ReflectStageClock
 *
 * Moves back a stage, which then goes on accumulating time on top of what
 * it already used; a running clock keeps running.
 *
 * Returns: %FALSE, changing nothing, at the first stage or once finished
 */
gboolean
reflect_stage_clock_previous (ReflectStageClock *self)
{
  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), FALSE);

  if (self->finished || self->current == 0)
    return FALSE;

  move_to_stage (self, self->current - 1);

  return TRUE;
}

/**
 * reflect_stage_clock_jump:
 * @self: a #ReflectStageClock
 * @stage: the index of the stage to go to
 *
 * Moves to any stage; a running clock keeps running into it.
 *
 * Returns: %TRUE if @self is now at @stage; %FALSE if @stage does not
 *   exist or the clock is finished
 */
gboolean
reflect_stage_clock_jump (ReflectStageClock *self,
                          guint              stage)
{
  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), FALSE);

  if (self->finished || stage >= self->n_stages)
    return FALSE;

  if (stage != self->current)
    move_to_stage (self, stage);

  return TRUE;
}

/**
 * reflect_stage_clock_finish:
 * @self: a #ReflectStageClock
 *
 * Ends the session. The elapsed time of every stage becomes the record of
 * how long it really took, so from now on only a reset changes anything.
 */
void
reflect_stage_clock_finish (ReflectStageClock *self)
{
  Snapshot before;

  g_return_if_fail (REFLECT_IS_STAGE_CLOCK (self));

  if (self->finished)
    return;

  before = begin_transition (self);
  self->running = FALSE;
  self->running_since = 0;
  self->finished = TRUE;
  end_transition (self, &before);
}

/**
 * reflect_stage_clock_reset:
 * @self: a #ReflectStageClock
 *
 * Prepares a second round of the same session: back to the first stage,
 * not started, nothing elapsed, but the plan (with any extensions) kept.
 */
void
reflect_stage_clock_reset (ReflectStageClock *self)
{
  Snapshot before;

  g_return_if_fail (REFLECT_IS_STAGE_CLOCK (self));

  if (is_pristine (self))
    return;

  before = begin_transition (self);

  for (guint i = 0; i < self->n_stages; i++)
    self->stages[i].elapsed_us = 0;

  self->current = 0;
  self->running = FALSE;
  self->finished = FALSE;
  self->started = FALSE;
  self->running_since = 0;

  end_transition (self, &before);
}

/**
 * reflect_stage_clock_get_planned:
 * @self: a #ReflectStageClock
 * @stage: a stage index
 *
 * Returns: the planned length of @stage in seconds
 */
gint64
reflect_stage_clock_get_planned (ReflectStageClock *self,
                                 guint              stage)
{
  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), 0);
  g_return_val_if_fail (stage < self->n_stages, 0);

  return self->stages[stage].planned_s;
}

/**
 * reflect_stage_clock_set_planned:
 * @self: a #ReflectStageClock
 * @stage: a stage index
 * @seconds: the new planned length, from 1 s to a day
 *
 * Changes the plan of any stage, for instance while preparing the session.
 * Does nothing once finished.
 */
void
reflect_stage_clock_set_planned (ReflectStageClock *self,
                                 guint              stage,
                                 gint64             seconds)
{
  Snapshot before;

  g_return_if_fail (REFLECT_IS_STAGE_CLOCK (self));
  g_return_if_fail (stage < self->n_stages);
  g_return_if_fail (seconds > 0 && seconds <= MAX_PLANNED_S);

  if (self->finished || self->stages[stage].planned_s == seconds)
    return;

  before = begin_transition (self);
  self->stages[stage].planned_s = seconds;
  end_transition (self, &before);
}

/**
 * reflect_stage_clock_get_elapsed_us:
 * @self: a #ReflectStageClock
 * @stage: a stage index
 *
 * Returns: the time spent in @stage in microseconds, up to this instant
 *   for the current stage of a running clock
 */
gint64
reflect_stage_clock_get_elapsed_us (ReflectStageClock *self,
                                    guint              stage)
{
  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), 0);
  g_return_val_if_fail (stage < self->n_stages, 0);

  return elapsed_at (self, stage, get_now (self));
}

/**
 * reflect_stage_clock_get_remaining_us:
 * @self: a #ReflectStageClock
 *
 * A display shows this as ceil (remaining / 1 s) seconds, so a 5 minute
 * stage reads 5:00 for its whole first second and 0:00 only once it is up;
 * see reflect_stage_clock_get_us_to_next_second().
 *
 * Returns: the current stage's plan minus its elapsed time, in
 *   microseconds; negative once the stage overruns
 */
gint64
reflect_stage_clock_get_remaining_us (ReflectStageClock *self)
{
  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), 0);

  return remaining_at (self, get_now (self));
}

/**
 * reflect_stage_clock_get_overrun_us:
 * @self: a #ReflectStageClock
 *
 * Returns: how far the current stage is past its plan, in microseconds,
 *   or 0 while it is within it
 */
gint64
reflect_stage_clock_get_overrun_us (ReflectStageClock *self)
{
  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), 0);

  return MAX (0, -remaining_at (self, get_now (self)));
}

/**
 * reflect_stage_clock_get_total_planned:
 * @self: a #ReflectStageClock
 *
 * Returns: the sum of all stages' plans, in seconds
 */
gint64
reflect_stage_clock_get_total_planned (ReflectStageClock *self)
{
  gint64 total = 0;

  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), 0);

  for (guint i = 0; i < self->n_stages; i++)
    total += self->stages[i].planned_s;

  return total;
}

/**
 * reflect_stage_clock_get_total_elapsed_us:
 * @self: a #ReflectStageClock
 *
 * Returns: the time spent in all stages together, in microseconds
 */
gint64
reflect_stage_clock_get_total_elapsed_us (ReflectStageClock *self)
{
  gint64 now_us;
  gint64 total = 0;

  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), 0);

  now_us = get_now (self);

  for (guint i = 0; i < self->n_stages; i++)
    total += elapsed_at (self, i, now_us);

  return total;
}

/**
 * reflect_stage_clock_get_schedule_delta_us:
 * @self: a #ReflectStageClock
 *
 * How far the session is behind its plan, for the bar that shows the whole
 * session against its budget. With c the current stage, E(i) the elapsed
 * and P(i) the planned time of stage i:
 *
 *   delta = Σ_{i<c} E(i) + E(c) − (Σ_{i<c} P(i) + min (E(c), P(c)))
 *         = Σ_{i<c} (E(i) − P(i)) + max (0, E(c) − P(c))
 *
 * The current stage counts against the plan only once it overruns, since
 * until then it is on time by definition; earlier stages count in full,
 * so one that ended early (or was skipped) puts the session ahead.
 * Later stages do not count.
 *
 * Returns: microseconds behind plan (> 0), or ahead of it (< 0)
 */
gint64
reflect_stage_clock_get_schedule_delta_us (ReflectStageClock *self)
{
  gint64 now_us;
  gint64 current_planned_us;
  gint64 delta = 0;

  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), 0);

  now_us = get_now (self);

  for (guint i = 0; i < self->current; i++)
    delta += elapsed_at (self, i, now_us) - self->stages[i].planned_s * G_USEC_PER_SEC;

  current_planned_us = self->stages[self->current].planned_s * G_USEC_PER_SEC;
  delta += MAX (0, elapsed_at (self, self->current, now_us) - current_planned_us);

  return delta;
}

/**
 * reflect_stage_clock_shorten_remaining:
 * @self: a #ReflectStageClock
 * @budget_seconds: the length the whole session must fit in
 *
 * Fits the rest of a late-running session into its budget. The projected
 * total is the time already used by earlier stages plus, for the current
 * and later stages, the larger of plan and elapsed. The time still to run
 * in the current and later stages is scaled by one common factor so the
 * projection lands on the budget (within the last second below it, since
 * plans are whole seconds). Each of those stages keeps at least 30 s still
 * to run, or what it had if that was less, so no stage of the practice
 * vanishes. Stages already overrunning have nothing left to give.
 *
 * Returns: %TRUE if the plans were changed; %FALSE if the projection is
 *   already within the budget, the budget cannot be met, or the clock is
 *   finished
 */
gboolean
reflect_stage_clock_shorten_remaining (ReflectStageClock *self,
                                       gint64             budget_seconds)
{
  g_autofree gint64 *lowest = NULL;
  g_autofree gint64 *new_planned = NULL;
  g_autofree double *used = NULL;
  g_autofree double *ideal = NULL;
  g_autofree gboolean *held = NULL;
  Snapshot before;
  gint64 now_us;
  gint64 fixed_us = 0;
  gint64 sum_planned = 0;
  gint64 sum_lowest = 0;
  gint64 target;
  gint64 sum = 0;
  double target_remaining;
  double factor = 1.0;
  gboolean held_more;

  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), FALSE);

  /* The upper bound is beyond any reachable total and keeps the
   * microseconds below from overflowing. */
  if (self->finished || budget_seconds <= 0 ||
      budget_seconds > MAX_STAGES * MAX_ELAPSED_US / G_USEC_PER_SEC)
    return FALSE;

  now_us = get_now (self);
  lowest = g_new0 (gint64, self->n_stages);
  new_planned = g_new0 (gint64, self->n_stages);
  used = g_new0 (double, self->n_stages);
  ideal = g_new0 (double, self->n_stages);
  held = g_new0 (gboolean, self->n_stages);

  /* lowest[i] stays 0 for a stage whose plan cannot change because it is
   * behind us or already overrunning; the others can shrink. */
  for (guint i = 0; i < self->n_stages; i++)
    {
      gint64 planned = self->stages[i].planned_s;
      gint64 used_us = elapsed_at (self, i, now_us);

      new_planned[i] = planned;

      if (i < self->current || used_us >= planned * G_USEC_PER_SEC)
        {
          fixed_us += used_us;
          continue;
        }

      used[i] = (double) used_us / G_USEC_PER_SEC;
      lowest[i] = MIN (planned, ceil_seconds (used_us + SHORTEN_FLOOR_US));
      sum_lowest += lowest[i];
      sum_planned += planned;
    }

  if (budget_seconds * G_USEC_PER_SEC < fixed_us)
    return FALSE;

  /* Whole seconds of plan the shrinkable stages may have between them. */
  target = (budget_seconds * G_USEC_PER_SEC - fixed_us) / G_USEC_PER_SEC;

  if (sum_planned <= target || sum_lowest > target)
    return FALSE;

  target_remaining = target;
  for (guint i = 0; i < self->n_stages; i++)
    target_remaining -= used[i];

  /* Every remaining part is scaled by one factor, except that a stage
   * whose share would fall under its floor is held there and the others
   * give a little more. Each pass holds at least one more stage, or ends. */
  do
    {
      double held_remaining = 0;
      double free_remaining = 0;

      for (guint i = 0; i < self->n_stages; i++)
        {
          if (lowest[i] == 0)
            continue;
          else if (held[i])
            held_remaining += lowest[i] - used[i];
          else
            free_remaining += self->stages[i].planned_s - used[i];
        }

      if (free_remaining <= 0)
        break;

      factor = (target_remaining - held_remaining) / free_remaining;
      held_more = FALSE;

      for (guint i = 0; i < self->n_stages; i++)
        {
          if (lowest[i] == 0 || held[i])
            continue;

          if (factor * (self->stages[i].planned_s - used[i]) < lowest[i] - used[i])
            held[i] = held_more = TRUE;
        }
    }
  while (held_more);

  for (guint i = 0; i < self->n_stages; i++)
    {
      if (lowest[i] == 0)
        continue;

      if (held[i])
        ideal[i] = lowest[i];
      else
        ideal[i] = used[i] + factor * (self->stages[i].planned_s - used[i]);

      new_planned[i] = CLAMP ((gint64) ideal[i], lowest[i], self->stages[i].planned_s);
      sum += new_planned[i];
    }

  /* Whole seconds leave a few over or short; settle them on the stages
   * that rounding moved furthest from their share. The bounds checked
   * above guarantee this ends. */
  while (sum != target)
    {
      gint64 step = sum < target ? 1 : -1;
      double best_error = 0;
      guint best = G_MAXUINT;

      for (guint i = 0; i < self->n_stages; i++)
        {
          double error = step * (ideal[i] - new_planned[i]);

          if (lowest[i] == 0 ||
              new_planned[i] + step > self->stages[i].planned_s ||
              new_planned[i] + step < lowest[i])
            continue;

          if (best == G_MAXUINT || error > best_error)
            {
              best = i;
              best_error = error;
            }
        }

      g_assert (best != G_MAXUINT);

      new_planned[best] += step;
      sum += step;
    }

  before = begin_transition (self);

  for (guint i = 0; i < self->n_stages; i++)
    self->stages[i].planned_s = new_planned[i];

  end_transition (self, &before);

  return TRUE;
}

/**
 * reflect_stage_clock_get_us_to_next_second:
 * @self: a #ReflectStageClock
 *
 * Lets the UI wake exactly when the displayed countdown changes instead of
 * polling. The display shows ceil (remaining) whole seconds (and so
 * floor (overrun) once overrunning), which changes whenever the remaining
 * time reaches a whole second.
 *
 * Returns: microseconds until the displayed remaining time changes, from 1
 *   to 1000000; or -1 when the clock is not running, as it then never does
 */
gint64
reflect_stage_clock_get_us_to_next_second (ReflectStageClock *self)
{
  gint64 into_second;

  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), -1);

  if (!self->running)
    return -1;

  into_second = remaining_at (self, get_now (self)) % G_USEC_PER_SEC;
  if (into_second < 0)
    into_second += G_USEC_PER_SEC;

  return into_second == 0 ? G_USEC_PER_SEC : into_second;
}

/**
 * reflect_stage_clock_serialize:
 * @self: a #ReflectStageClock
 *
 * Captures the state for reflect_stage_clock_deserialize(). A running
 * clock is stored with the moment its running part began rather than a
 * snapshot of elapsed time, so time spent while the app was closed counts.
 *
 * Returns: (transfer full): a compact JSON document
 */
char *
reflect_stage_clock_serialize (ReflectStageClock *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (REFLECT_IS_STAGE_CLOCK (self), NULL);

  builder = json_builder_new ();

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "current");
  json_builder_add_int_value (builder, self->current);
  json_builder_set_member_name (builder, "running");
  json_builder_add_boolean_value (builder, self->running);
  json_builder_set_member_name (builder, "finished");
  json_builder_add_boolean_value (builder, self->finished);
  json_builder_set_member_name (builder, "started");
  json_builder_add_boolean_value (builder, self->started);
  json_builder_set_member_name (builder, "running_since");
  json_builder_add_int_value (builder, self->running ? self->running_since : 0);

  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);

  for (guint i = 0; i < self->n_stages; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "planned");
      json_builder_add_int_value (builder, self->stages[i].planned_s);
      json_builder_set_member_name (builder, "elapsed_us");
      json_builder_add_int_value (builder, self->stages[i].elapsed_us);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/**
 * reflect_stage_clock_deserialize:
 * @data: (nullable): what reflect_stage_clock_serialize() produced
 * @error: return location for a #GError
 *
 * Restores a clock, refusing anything that is not exactly a state the
 * clock could have been in: the file may be damaged or from a future
 * version, and a wrong restore is worse than a fresh start. The restored
 * clock uses g_get_real_time(), so a clock that was running has gone on
 * counting while the app was closed.
 *
 * Returns: (transfer full) (nullable): the clock, or %NULL with @error set
 *   to %G_IO_ERROR_INVALID_DATA and a message naming the faulty field
 */
ReflectStageClock *
reflect_stage_clock_deserialize (const char  *data,
                                 GError     **error)
{
  g_autoptr(ReflectStageClock) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonArray *stages;
  JsonNode *node;
  gint64 version;
  gint64 current;
  gint64 running_since;
  gboolean running;
  gboolean finished;
  gboolean started;
  guint n_stages;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    {
      set_invalid (error, "no data");
      return NULL;
    }

  if (!check_shape (data, error))
    return NULL;

  parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, data, -1, &local_error))
    {
      set_invalid (error, "not JSON: %s", local_error->message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, "not a JSON object");
      return NULL;
    }

  object = json_node_get_object (node);

  /* Version first, so a newer file is reported as such rather than by
   * whichever field changed. */
  if (!read_int (object, "", "version", FORMAT_VERSION, FORMAT_VERSION, &version, error))
    return NULL;

  node = json_object_get_member (object, "stages");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      set_invalid (error, "field “stages” must be an array");
      return NULL;
    }

  stages = json_node_get_array (node);
  n_stages = json_array_get_length (stages);
  if (n_stages < 1 || n_stages > MAX_STAGES)
    {
      set_invalid (error, "field “stages” has %u stages, outside 1…%d", n_stages, MAX_STAGES);
      return NULL;
    }

  if (!read_int (object, "", "current", 0, n_stages - 1, &current, error) ||
      !read_int (object, "", "running_since", 0, MAX_TIME_US, &running_since, error) ||
      !read_boolean (object, "running", &running, error) ||
      !read_boolean (object, "finished", &finished, error) ||
      !read_boolean (object, "started", &started, error))
    return NULL;

  /* The clock never reaches these, so they can only be damage. */
  if (running && finished)
    {
      set_invalid (error, "field “running” is true for a finished clock");
      return NULL;
    }

  if (running && !started)
    {
      set_invalid (error, "field “running” is true for a clock never started");
      return NULL;
    }

  self = create_clock (n_stages);
  self->current = current;
  self->running = running;
  self->finished = finished;
  self->started = started;
  self->running_since = running ? running_since : 0;

  for (guint i = 0; i < n_stages; i++)
    {
      g_autofree char *where = g_strdup_printf ("stages[%u].", i);
      JsonNode *stage_node = json_array_get_element (stages, i);
      JsonObject *stage_object;

      if (!JSON_NODE_HOLDS_OBJECT (stage_node))
        {
          set_invalid (error, "field “stages[%u]” must be an object", i);
          return NULL;
        }

      stage_object = json_node_get_object (stage_node);

      if (!read_int (stage_object, where, "planned", 1, MAX_PLANNED_S,
                     &self->stages[i].planned_s, error) ||
          !read_int (stage_object, where, "elapsed_us", 0, MAX_ELAPSED_US,
                     &self->stages[i].elapsed_us, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}
