/* reflect-types.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _ReflectCatalog        ReflectCatalog;
typedef struct _ReflectModel          ReflectModel;
typedef struct _ReflectModelStage     ReflectModelStage;
typedef struct _ReflectQuestion       ReflectQuestion;
typedef struct _ReflectQuestionBank   ReflectQuestionBank;
typedef struct _ReflectRun            ReflectRun;
typedef struct _ReflectSession        ReflectSession;
typedef struct _ReflectStageClock     ReflectStageClock;
typedef struct _ReflectStore          ReflectStore;

G_END_DECLS
