// The system zlib (zlib1g-dev), exposed to Swift for the Office container (ZIP with deflate).
#include <zlib.h>

// deflateInit2 and inflateInit2 are macros, which Swift cannot import. ZIP stores raw deflate
// streams (no zlib header), hence the negative window bits.
static inline int czlib_deflate_init_raw(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}

static inline int czlib_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -15);
}
