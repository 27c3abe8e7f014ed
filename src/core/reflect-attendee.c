/* reflect-attendee.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-attendee"

#include "config.h"

#include "reflect-attendee.h"

/* A snapshot of one row of attendees as the store read it, with the role
 * held in the round it was read for.  Edits go through the store, which
 * emits ReflectStore::changed, and views read a fresh list. */
struct _ReflectAttendee
{
  GObject  parent_instance;

  gint64   id;
  gint64   session_id;
  char    *name;
  char    *agency;
  char    *job_title;
  char    *role;
  int      confidence;
  guint    present : 1;
};

G_DEFINE_FINAL_TYPE (ReflectAttendee, reflect_attendee, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SESSION_ID,
  PROP_NAME,
  PROP_AGENCY,
  PROP_JOB_TITLE,
  PROP_PRESENT,
  PROP_CONFIDENCE,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reflect_attendee_finalize (GObject *object)
{
  ReflectAttendee *self = (ReflectAttendee *)object;

  g_free (self->name);
  g_free (self->agency);
  g_free (self->job_title);
  g_free (self->role);

  G_OBJECT_CLASS (reflect_attendee_parent_class)->finalize (object);
}

static void
reflect_attendee_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ReflectAttendee *self = REFLECT_ATTENDEE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_AGENCY:
      g_value_set_string (value, self->agency);
      break;
    case PROP_JOB_TITLE:
      g_value_set_string (value, self->job_title);
      break;
    case PROP_PRESENT:
      g_value_set_boolean (value, self->present);
      break;
    case PROP_CONFIDENCE:
      g_value_set_int (value, self->confidence);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reflect_attendee_class_init (ReflectAttendeeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reflect_attendee_finalize;
  object_class->get_property = reflect_attendee_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGENCY] =
    g_param_spec_string ("agency", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOB_TITLE] =
    g_param_spec_string ("job-title", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESENT] =
    g_param_spec_boolean ("present", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* -1 when no score was given: leaving it blank is a valid answer. */
  properties[PROP_CONFIDENCE] =
    g_param_spec_int ("confidence", NULL, NULL, -1, 5, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reflect_attendee_init (ReflectAttendee *self)
{
  self->confidence = -1;
  self->present = TRUE;
}

/**
 * reflect_attendee_new:
 * @confidence: 0 to 5, or -1 when not given
 * @role: (nullable): the role in the round the attendee was read for,
 *   or %NULL (stored as "") when read without a round
 *
 * Returns: (transfer full): a new attendee
 */
ReflectAttendee *
reflect_attendee_new (gint64      id,
                      gint64      session_id,
                      const char *name,
                      const char *agency,
                      const char *job_title,
                      gboolean    present,
                      int         confidence,
                      const char *role)
{
  ReflectAttendee *self = g_object_new (REFLECT_TYPE_ATTENDEE, NULL);

  self->id = id;
  self->session_id = session_id;
  self->name = g_strdup (name ? name : "");
  self->agency = g_strdup (agency ? agency : "");
  self->job_title = g_strdup (job_title ? job_title : "");
  self->present = !!present;
  self->confidence = CLAMP (confidence, -1, 5);
  self->role = g_strdup (role ? role : "");
  return self;
}

gint64
reflect_attendee_get_id (ReflectAttendee *self)
{
  g_return_val_if_fail (REFLECT_IS_ATTENDEE (self), 0);
  return self->id;
}

gint64
reflect_attendee_get_session_id (ReflectAttendee *self)
{
  g_return_val_if_fail (REFLECT_IS_ATTENDEE (self), 0);
  return self->session_id;
}

const char *
reflect_attendee_get_name (ReflectAttendee *self)
{
  g_return_val_if_fail (REFLECT_IS_ATTENDEE (self), NULL);
  return self->name;
}

const char *
reflect_attendee_get_agency (ReflectAttendee *self)
{
  g_return_val_if_fail (REFLECT_IS_ATTENDEE (self), NULL);
  return self->agency;
}

const char *
reflect_attendee_get_job_title (ReflectAttendee *self)
{
  g_return_val_if_fail (REFLECT_IS_ATTENDEE (self), NULL);
  return self->job_title;
}

gboolean
reflect_attendee_get_present (ReflectAttendee *self)
{
  g_return_val_if_fail (REFLECT_IS_ATTENDEE (self), FALSE);
  return self->present;
}

/**
 * reflect_attendee_get_confidence:
 *
 * Returns: the 0-5 confidence score, or -1 when none was given
 */
int
reflect_attendee_get_confidence (ReflectAttendee *self)
{
  g_return_val_if_fail (REFLECT_IS_ATTENDEE (self), -1);
  return self->confidence;
}

/**
 * reflect_attendee_get_role:
 *
 * Returns: "facilitator", "presenter" or "consultant" in the round the
 *   attendee was read for, or "" when read without a round
 */
const char *
reflect_attendee_get_role (ReflectAttendee *self)
{
  g_return_val_if_fail (REFLECT_IS_ATTENDEE (self), NULL);
  return self->role;
}
