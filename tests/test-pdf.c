/* test-pdf.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reflect-pdf.h"
#include "reflect-record-note.h"
#include "reflect-test-env.h"
#include "reflect-test-record-fixture.h"

static char *home;

static void
test_note_to_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (home, "reflect", "reflect.db", NULL);
  g_autofree char *pdf = g_build_filename (home, "note.pdf", NULL);
  g_autoptr(ReflectStore) store = reflect_store_open (db, &error);
  g_autoptr(ReflectRecordNote) note = NULL;
  g_autofree char *text = NULL;
  g_autofree char *extracted = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *key_lines[] = {
    "Note for the child’s record",
    "Date and time: Fri 28 Nov 2025, 09:30",
    "Agencies present: Children's Social Care, Health Visiting, School, Police",
    "Arrange a TAF meeting with the family",
    "Before: Mum is not engaging with CIN support.",
    "Telling the family",
  };
  int status = 0;
  char *argv[] = { NULL, "-enc", "UTF-8", NULL, "-", NULL };

  g_assert_no_error (error);
  note = reflect_record_note_new (store, record_fixture_create (store), &error);
  g_assert_no_error (error);
  text = reflect_record_note_render_child_record (note, REFLECT_NOTE_FORMAT_TEXT);

  g_assert_true (reflect_pdf_write_text (text, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  argv[0] = pdftotext;
  argv[3] = pdf;
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &extracted, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  /* pdftotext breaks long lines where the PDF wrapped them. */
  flat = g_strdelimit (g_strdup (extracted), "\n", ' ');
  for (guint i = 0; i < G_N_ELEMENTS (key_lines); i++)
    if (strstr (flat, key_lines[i]) == NULL)
      g_error ("“%s” is not in the PDF's text:\n%s", key_lines[i], extracted);
}

static void
test_unwritable_location (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (reflect_pdf_write_text ("Hello", "/nonexistent-folder/note.pdf", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/note.pdf"));
}

static void
test_many_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (home, "long.pdf", NULL);
  GString *text = g_string_new (NULL);
  g_autofree char *body = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "Line %u of a long note, with Welsh ŵ ŷ and emoji 🙂\n", i);
  body = g_string_free (text, FALSE);
  g_assert_true (reflect_pdf_write_text (body, pdf, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("TZ", "UTC", TRUE);
  home = reflect_test_make_data_home ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/note-text-survives", test_note_to_pdf);
  g_test_add_func ("/pdf/unwritable-location-is-an-error", test_unwritable_location);
  g_test_add_func ("/pdf/long-text-breaks-into-pages", test_many_pages);

  status = g_test_run ();
  reflect_test_remove_tree (home);
  g_free (home);
  return status;
}
