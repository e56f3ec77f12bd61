#ifndef KGRAPH_CLIBXML2_SHIM_H
#define KGRAPH_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU, and Foundation on Linux carries its own
// ICU. If both sets of headers meet in one module, a clean build fails with
// "'UErrorCode' has different definitions in different modules". kgraph never
// uses libxml2's ICU encoding hooks, so hide them before the other headers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>

#endif
