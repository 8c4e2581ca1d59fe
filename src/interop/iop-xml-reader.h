/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define IOP_XML_ERROR (iop_xml_error_quark ())

/**
 * IopXmlError:
 * @IOP_XML_ERROR_FAILED: the file could not be read
 * @IOP_XML_ERROR_TOO_LARGE: the file, or one text in it, is over the size limit
 * @IOP_XML_ERROR_MALFORMED: the file is not well-formed XML (or not UTF-8 when it says so)
 * @IOP_XML_ERROR_FORBIDDEN: the file declares a document type, entities or refers to outside files
 * @IOP_XML_ERROR_TOO_DEEP: elements are nested deeper than the limit
 * @IOP_XML_ERROR_INVALID: the document breaks its XML Schema
 * @IOP_XML_ERROR_WRONG_FORMAT: the document is well-formed but not a format Circle reads
 */
typedef enum {
  IOP_XML_ERROR_FAILED,
  IOP_XML_ERROR_TOO_LARGE,
  IOP_XML_ERROR_MALFORMED,
  IOP_XML_ERROR_FORBIDDEN,
  IOP_XML_ERROR_TOO_DEEP,
  IOP_XML_ERROR_INVALID,
  IOP_XML_ERROR_WRONG_FORMAT,
} IopXmlError;

/* 50 MB a file, checked before anything is parsed. */
#define IOP_XML_MAX_FILE_SIZE   (50 * 1000 * 1000)
/* One text node (a note, a narrative) may hold at most this many bytes. */
#define IOP_XML_MAX_TEXT_SIZE   (1024 * 1024)
/* Elements nested deeper than this are refused. */
#define IOP_XML_MAX_DEPTH       256

GQuark    iop_xml_error_quark   (void);

xmlDoc   *iop_xml_read_file     (const char  *path,
                                 GError     **error);
xmlDoc   *iop_xml_read_memory   (const char  *data,
                                 gsize        len,
                                 const char  *display_name,
                                 GError     **error);
gboolean  iop_xml_validate      (xmlDoc      *doc,
                                 const char  *xsd_path,
                                 GError     **error);
void      iop_xml_prepend_comment (xmlDoc    *doc,
                                 const char *text);
void      iop_xml_set_error     (GError     **error,
                                 IopXmlError  code,
                                 xmlNode     *node,
                                 const char  *format,
                                 ...) G_GNUC_PRINTF (4, 5);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
