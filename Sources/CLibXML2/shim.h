// libxml2's HTML parser and tree API. Debian builds libxml2 with ICU, whose headers clash with
// Foundation's own ICU; Byline needs none of libxml2's ICU support, so it is switched off
// before the other headers are read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
