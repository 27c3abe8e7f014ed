/* reflect-session.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-session"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-session.h"
#include "reflect-store.h"
#include "reflect-utils.h"

struct _ReflectSession
{
  GObject              parent_instance;

  gint64               id;
  char                *uuid;
  ReflectModel        *model;
  char                *model_id;
  char                *model_title;
  char                *case_ref;
  gint64               starts_at;
  char                *venue;
  char                *purpose;
  char                *purpose_other;
  char                *match;
  char                *agencies;
  gint64               follows_id;
  guint                current_round;
  ReflectSessionState  state;
  guint                is_virtual : 1;
  guint                manager_agreed : 1;
};

G_DEFINE_FINAL_TYPE (ReflectSession, reflect_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_REF,
  PROP_MODEL_TITLE,
  PROP_STARTS_AT,
  PROP_STATE,
  PROP_CURRENT_ROUND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The situations a session is used for, from the Salford guidance and its
 * launch briefing, and the 12-month child-protection plan meeting of the
 * Morrison model.  Keys are stored; titles are shown. */
static const ReflectSessionPurpose purposes[] = {
  { "needs", N_("What might help the child and family"),
    N_("A reflective space to think about what might be needed or helpful for a child, young person and their family.") },
  { "stuck", N_("Professionals feel stuck"),
    N_("Professionals feel ‘stuck’ or unclear about the systems, processes or decisions being made.") },
  { "support", N_("Support to improve practice"),
    N_("A safe and supportive space to think about what you and your colleagues may need help or support with, to improve your practice with a child, young person, their family or other colleagues.") },
  { "review", N_("Review current interventions"),
    N_("Review the effectiveness of current interventions and consider the impact of the child or young person’s current situation on their lived experiences, taking account of other perspectives.") },
  { "network", N_("How the network can support the family"),
    N_("Explore how individuals and the network might support the child, young person and the family going forward.") },
  { "debrief", N_("Debrief after a significant event"),
    N_("Reflection and debrief following a significant event, to process it with multi-agency colleagues and support future planning.") },
  { "challenge", N_("Disagreement, challenge or escalation"),
    N_("Where there are disagreements, professional challenge or a need for escalation, aligned to the local challenge and escalation procedure.") },
  { "cp-plan-12-months", N_("Child protection plan over 12 months"),
    N_("A professional reflective meeting where a child has been subject to a child protection plan for over 12 months.") },
  { "other", N_("Other"), N_("Another reason, described in your own words.") },
};

static void
reflect_session_finalize (GObject *object)
{
  ReflectSession *self = (ReflectSession *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_object (&self->model);
  g_clear_pointer (&self->model_id, g_free);
  g_clear_pointer (&self->model_title, g_free);
  g_clear_pointer (&self->case_ref, g_free);
  g_clear_pointer (&self->venue, g_free);
  g_clear_pointer (&self->purpose, g_free);
  g_clear_pointer (&self->purpose_other, g_free);
  g_clear_pointer (&self->match, g_free);
  g_clear_pointer (&self->agencies, g_free);

  G_OBJECT_CLASS (reflect_session_parent_class)->finalize (object);
}

static void
reflect_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ReflectSession *self = REFLECT_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CASE_REF:
      g_value_set_string (value, self->case_ref);
      break;
    case PROP_MODEL_TITLE:
      g_value_set_string (value, self->model_title);
      break;
    case PROP_STARTS_AT:
      g_value_set_int64 (value, self->starts_at);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_CURRENT_ROUND:
      g_value_set_uint (value, self->current_round);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reflect_session_class_init (ReflectSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reflect_session_finalize;
  object_class->get_property = reflect_session_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_REF] =
    g_param_spec_string ("case-ref", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODEL_TITLE] =
    g_param_spec_string ("model-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STARTS_AT] =
    g_param_spec_int64 ("starts-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, REFLECT_SESSION_PLANNED, REFLECT_SESSION_FINISHED,
                      REFLECT_SESSION_PLANNED,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_ROUND] =
    g_param_spec_uint ("current-round", NULL, NULL, 1, G_MAXUINT, 1,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reflect_session_init (ReflectSession *self)
{
  self->uuid = g_uuid_string_random ();
  self->case_ref = g_strdup ("");
  self->venue = g_strdup ("");
  self->purpose = g_strdup ("needs");
  self->purpose_other = g_strdup ("");
  self->model_id = g_strdup ("");
  self->model_title = g_strdup ("");
  self->current_round = 1;
  self->starts_at = g_get_real_time () / G_USEC_PER_SEC;
}

/**
 * reflect_session_new:
 * @model: (nullable): the session model; its current stages are kept with
 *   the session
 *
 * Returns: (transfer full): a session that is not yet stored
 */
ReflectSession *
reflect_session_new (ReflectModel *model)
{
  ReflectSession *self = g_object_new (REFLECT_TYPE_SESSION, NULL);

  if (model != NULL)
    reflect_session_set_model (self, model);
  return self;
}

gint64
reflect_session_get_id (ReflectSession *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), 0);
  return self->id;
}

void
reflect_session_set_id (ReflectSession *self,
                        gint64          id)
{
  g_return_if_fail (REFLECT_IS_SESSION (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
reflect_session_get_uuid (ReflectSession *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), NULL);
  return self->uuid;
}

void
reflect_session_set_uuid (ReflectSession *self,
                          const char     *uuid)
{
  g_return_if_fail (REFLECT_IS_SESSION (self));
  g_return_if_fail (uuid != NULL);
  reflect_set_string (&self->uuid, uuid);
}

/**
 * reflect_session_get_model:
 *
 * Returns: (transfer none) (nullable): the model as it was when the session
 * was created; %NULL for a session listed without its details
 */
ReflectModel *
reflect_session_get_model (ReflectSession *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), NULL);
  return self->model;
}

void
reflect_session_set_model (ReflectSession *self,
                           ReflectModel   *model)
{
  g_return_if_fail (REFLECT_IS_SESSION (self));
  g_return_if_fail (REFLECT_IS_MODEL (model));

  g_set_object (&self->model, model);
  reflect_session_set_model_summary (self, reflect_model_get_id (model),
                                     reflect_model_get_title (model));
}

const char *
reflect_session_get_model_id (ReflectSession *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), NULL);
  return self->model_id;
}

const char *
reflect_session_get_model_title (ReflectSession *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), NULL);
  return self->model_title;
}

void
reflect_session_set_model_summary (ReflectSession *self,
                                   const char     *model_id,
                                   const char     *model_title)
{
  g_return_if_fail (REFLECT_IS_SESSION (self));

  reflect_set_string (&self->model_id, model_id ? model_id : "");
  if (reflect_set_string (&self->model_title, model_title ? model_title : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL_TITLE]);
}

const char *
reflect_session_get_case_ref (ReflectSession *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), NULL);
  return self->case_ref;
}

void
reflect_session_set_case_ref (ReflectSession *self,
                              const char     *case_ref)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (REFLECT_IS_SESSION (self));

  trimmed = g_strstrip (g_strdup (case_ref ? case_ref : ""));
  if (reflect_set_string (&self->case_ref, trimmed))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_REF]);
}

gint64
reflect_session_get_starts_at (ReflectSession *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), 0);
  return self->starts_at;
}

void
reflect_session_set_starts_at (ReflectSession *self,
                               gint64          unix_time)
{
  g_return_if_fail (REFLECT_IS_SESSION (self));

  if (self->starts_at != unix_time)
    {
      self->starts_at = unix_time;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTS_AT]);
    }
}

gboolean
reflect_session_get_virtual (ReflectSession *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), FALSE);
  return self->is_virtual;
}

void
reflect_session_set_virtual (ReflectSession *self,
                             gboolean        is_virtual)
{
  g_return_if_fail (REFLECT_IS_SESSION (self));
  self->is_virtual = !!is_virtual;
}

const char *
reflect_session_get_venue (ReflectSession *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), NULL);
  return self->venue;
}

void
reflect_session_set_venue (ReflectSession *self,
                           const char     *venue)
{
  g_return_if_fail (REFLECT_IS_SESSION (self));
  reflect_set_string (&self->venue, venue ? venue : "");
}

const char *
reflect_session_get_purpose (ReflectSession *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), NULL);
  return self->purpose;
}

void
reflect_session_set_purpose (ReflectSession *self,
                             const char     *purpose)
{
  g_return_if_fail (REFLECT_IS_SESSION (self));
  g_return_if_fail (purpose != NULL);
  reflect_set_string (&self->purpose, purpose);
}

const char *
reflect_session_get_purpose_other (ReflectSession *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), NULL);
  return self->purpose_other;
}

void
reflect_session_set_purpose_other (ReflectSession *self,
                                   const char     *text)
{
  g_return_if_fail (REFLECT_IS_SESSION (self));
  reflect_set_string (&self->purpose_other, text ? text : "");
}

gboolean
reflect_session_get_manager_agreed (ReflectSession *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), FALSE);
  return self->manager_agreed;
}

void
reflect_session_set_manager_agreed (ReflectSession *self,
                                    gboolean        agreed)
{
  g_return_if_fail (REFLECT_IS_SESSION (self));
  self->manager_agreed = !!agreed;
}

ReflectSessionState
reflect_session_get_state (ReflectSession *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), REFLECT_SESSION_PLANNED);
  return self->state;
}

void
reflect_session_set_state (ReflectSession      *self,
                           ReflectSessionState  state)
{
  g_return_if_fail (REFLECT_IS_SESSION (self));
  g_return_if_fail (state <= REFLECT_SESSION_FINISHED);

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

gint64
reflect_session_get_follows_id (ReflectSession *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), 0);
  return self->follows_id;
}

void
reflect_session_set_follows_id (ReflectSession *self,
                                gint64          id)
{
  g_return_if_fail (REFLECT_IS_SESSION (self));
  self->follows_id = id;
}

guint
reflect_session_get_current_round (ReflectSession *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), 1);
  return self->current_round;
}

void
reflect_session_set_current_round (ReflectSession *self,
                                   guint           round)
{
  g_return_if_fail (REFLECT_IS_SESSION (self));
  g_return_if_fail (round >= 1);

  if (self->current_round != round)
    {
      self->current_round = round;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_ROUND]);
    }
}

/**
 * reflect_session_get_match:
 *
 * Returns: (nullable): for a session found by a search, the words around
 * the match, with each matching word between U+0002 and U+0003
 */
const char *
reflect_session_get_match (ReflectSession *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), NULL);
  return self->match;
}

void
reflect_session_set_match (ReflectSession *self,
                           const char     *match)
{
  g_return_if_fail (REFLECT_IS_SESSION (self));
  reflect_set_string (&self->match, match);
}

/**
 * reflect_session_get_agencies:
 *
 * Returns: (nullable): for a session read for a list, the agencies of
 * the people who came, in the order they were added, comma separated
 */
const char *
reflect_session_get_agencies (ReflectSession *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), NULL);
  return self->agencies;
}

void
reflect_session_set_agencies (ReflectSession *self,
                              const char     *agencies)
{
  g_return_if_fail (REFLECT_IS_SESSION (self));
  reflect_set_string (&self->agencies, agencies);
}

/**
 * reflect_session_validate:
 *
 * Checks what a person typed before it is stored, with a message that
 * names the field.
 */
gboolean
reflect_session_validate (ReflectSession  *self,
                          GError         **error)
{
  g_return_val_if_fail (REFLECT_IS_SESSION (self), FALSE);

  if (self->model == NULL && reflect_string_is_blank (self->model_id))
    {
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_INVALID,
                   _("Choose a session model."));
      return FALSE;
    }

  if (reflect_string_is_blank (self->case_ref))
    {
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_INVALID,
                   _("Enter a case reference. Use your system’s case number or a pseudonym, never the child’s name."));
      return FALSE;
    }

  if (g_utf8_strlen (self->case_ref, -1) > REFLECT_CASE_REF_MAX)
    {
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_INVALID,
                   _("The case reference is longer than %d characters. Use a short reference."),
                   REFLECT_CASE_REF_MAX);
      return FALSE;
    }

  if (g_utf8_strlen (self->venue, -1) > REFLECT_VENUE_MAX)
    {
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_INVALID,
                   _("The venue is longer than %d characters."), REFLECT_VENUE_MAX);
      return FALSE;
    }

  if (reflect_session_find_purpose (self->purpose) == NULL)
    {
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_INVALID,
                   _("Choose the purpose of the session."));
      return FALSE;
    }

  if (g_str_equal (self->purpose, "other") && reflect_string_is_blank (self->purpose_other))
    {
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_INVALID,
                   _("Describe the purpose of the session in a few words."));
      return FALSE;
    }

  return TRUE;
}

/**
 * reflect_session_format_date:
 *
 * Returns: (transfer full): the start date and time in local time, as a
 * person reads it (“Mon 3 Mar 2026, 10:00”)
 */
char *
reflect_session_format_date (ReflectSession *self)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (REFLECT_IS_SESSION (self), NULL);

  utc = g_date_time_new_from_unix_utc (self->starts_at);
  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  /* Translators: a session's date and time, see g_date_time_format() */
  return g_date_time_format (local, _("%a %-d %b %Y, %H:%M"));
}

const char *
reflect_session_state_to_string (ReflectSessionState state)
{
  switch (state)
    {
    case REFLECT_SESSION_PLANNED:
      return "planned";
    case REFLECT_SESSION_IN_PROGRESS:
      return "in-progress";
    case REFLECT_SESSION_FINISHED:
      return "finished";
    default:
      g_return_val_if_reached ("planned");
    }
}

gboolean
reflect_session_state_from_string (const char          *text,
                                   ReflectSessionState *state)
{
  for (ReflectSessionState s = REFLECT_SESSION_PLANNED; s <= REFLECT_SESSION_FINISHED; s++)
    if (g_strcmp0 (text, reflect_session_state_to_string (s)) == 0)
      {
        *state = s;
        return TRUE;
      }
  return FALSE;
}

const char *
reflect_session_state_get_title (ReflectSessionState state)
{
  switch (state)
    {
    case REFLECT_SESSION_PLANNED:
      return _("Planned");
    case REFLECT_SESSION_IN_PROGRESS:
      return _("In progress");
    case REFLECT_SESSION_FINISHED:
      return _("Finished");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * reflect_session_get_purposes:
 *
 * Returns: (array length=n_purposes): the purposes a session can have;
 * titles and details are untranslated (translate with _() when shown)
 */
const ReflectSessionPurpose *
reflect_session_get_purposes (guint *n_purposes)
{
  *n_purposes = G_N_ELEMENTS (purposes);
  return purposes;
}

const ReflectSessionPurpose *
reflect_session_find_purpose (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (purposes); i++)
    if (g_strcmp0 (purposes[i].key, key) == 0)
      return &purposes[i];
  return NULL;
}
