package org.pilotage.analytics.charts;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Deflate (RFC 1951) of a chart's RGB rows, as PNG's IDAT holds them with no row filter, written for what
 * a chart is: runs of flat colour. Each pixel either repeats the one above it (a back-reference of one
 * row), repeats the one before it (a back-reference of one pixel), or is written as three literal bytes.
 * The runs are found with {@link Arrays#mismatch}, which compares many pixels per instruction, so nothing
 * is searched nor hashed; the block's Huffman codes are then fitted to what it holds (a chart has few
 * distinct literals and mostly the longest runs). On a chart this is several times faster than zlib's
 * fastest level, for a file of about the same size. Any inflater reads it.
 *
 * <p>Rows {@code from} to {@code to} make one block, never the final one, ending byte-aligned (an empty stored
 * block, as zlib's sync flush), so that blocks encoded apart can be joined; the stream's writer ends it. A block
 * may refer to the row just before it: the reader has it in its window.
 */
final class PixelRuns {

    /** Longest match deflate can say: 258 bytes, 86 pixels. */
    private static final int MAX_RUN_PIXELS = 86;
    private static final int MOD_ADLER = 65521;
    /** Pixels summed in ints for the Adler-32: Σ i·sᵢ stays below 1024 · 1023 · 765 < 2³¹. */
    private static final int ADLER_CHUNK = 1024;
    /** The farthest back deflate can refer: a row of more bytes cannot be referred to. */
    static final int WINDOW = 32768;

    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99,
            115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    private static final int[] DISTANCE_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
            1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DISTANCE_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12,
            13, 13};
    /** The order in which a dynamic block gives the lengths of its code-length code. */
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    private static final int END_OF_BLOCK = 256;

    /** Per match length (3..258 bytes): its symbol (257..285), and its extra bits' value and count. */
    private static final int[] LENGTH_SYMBOL = new int[259];
    private static final int[] LENGTH_EXTRA_VALUE = new int[259];
    private static final int[] LENGTH_EXTRA_BITS = new int[259];

    static {
        for (int length = 3; length <= 258; length++) {
            int i = LENGTH_BASE.length - 1;
            while (LENGTH_BASE[i] > length) {
                i--;
            }
            LENGTH_SYMBOL[length] = 257 + i;
            LENGTH_EXTRA_VALUE[length] = length - LENGTH_BASE[i];
            LENGTH_EXTRA_BITS[length] = LENGTH_EXTRA[i];
        }
    }

    private PixelRuns() {
    }

    /** Raw deflate of rows {@code from}..{@code to} of the image (the first {@code size} bytes), and the Adler-32 and length of those rows' bytes. */
    record Block(byte[] deflated, int size, long adler, long length) {
    }

    /** A run's token: the flag, the distance (0: the row above, 1: the pixel before) and the length in bytes. */
    private static final int RUN = 1 << 10;
    private static final int BEFORE = 1 << 9;
    /** A literal pixel's token: the flag and its 24 bits of colour (three literal bytes when written). */
    private static final int PIXEL = 1 << 30;

    static Block deflate(int[] pixels, int width, int from, int to) {
        return deflate(pixels, width, from, to, false);
    }

    /** White, the colour a pooled raster is given back in. */
    static final int WHITE = 0xFFFFFF;

    /**
     * The same, and if {@code whiten}, each row but the last is painted {@link #WHITE} once the row after it has been
     * compared with it: a raster is made ready for its next chart while its rows are still in the cache, instead of
     * in a pass of its own over megabytes that have left it. The last row is left as it is (the next block compares
     * its first row with it); a row that was white already is not written.
     */
    static Block deflate(int[] pixels, int width, int from, int to, boolean whiten) {
        int stride = 1 + 3 * width;
        boolean up = stride <= WINDOW;
        int[] distance = {stride, 3};
        Tokens tokens = new Tokens(Math.max(64, (to - from) * width / 16));
        long s1 = 1; // Adler-32 of the rows' bytes (filter byte, then r, g, b of each pixel), its two sums
        long s2 = 0;
        int chunks = (width + ADLER_CHUNK - 1) / ADLER_CHUNK;
        int[] rowSums = new int[3 * chunks]; // the last row's three sums per chunk, which a row repeating it shares
        boolean summed = false;
        boolean aboveWhite = false; // whether the row before this one holds only white
        for (int y = from; y < to; y++) {
            int row = y * width;
            tokens.reserve(1 + width); // room for the row's every token: none is checked for room below
            int[] t = tokens.values;
            int size = tokens.size;
            t[size++] = 0; // the row's filter: none
            s2 += s1;
            int whole = up && y > 0 ? run(pixels, row - width, row, width) : 0;
            boolean repeat = whole == width && summed;
            for (int start = 0, chunk = 0; start < width; start += ADLER_CHUNK, chunk += 3) {
                int n = Math.min(ADLER_CHUNK, width - start);
                if (repeat) {
                    // The row above again (a chart's margins and flat areas: most rows): its sums, not its pixels read.
                    s2 = (s2 + 3L * n * s1 + 3L * ((long) (n - 1) * rowSums[chunk] - rowSums[chunk + 1]) + 3L * rowSums[chunk]
                            - rowSums[chunk + 2]) % MOD_ADLER;
                    s1 = (s1 + rowSums[chunk]) % MOD_ADLER;
                    continue;
                }
                // Over n pixels, s1 grows by A = Σ sᵢ (sᵢ = rᵢ + gᵢ + bᵢ), and s2 by 3n·s1 + 3·Σ (n - 1 - i)·sᵢ + Σ (3rᵢ + 2gᵢ + bᵢ)
                // = 3n·s1 + 3·((n - 1)·A - W) + 3A - C, with W = Σ i·sᵢ and C = Σ (gᵢ + 2bᵢ): three sums of ints,
                // which the compiler vectorises (ten times faster than the pixels turned into bytes for java.util.zip.Adler32).
                int sumA = 0;
                int sumW = 0;
                int sumC = 0;
                int base = row + start;
                for (int i = 0; i < n; i++) {
                    int p = pixels[base + i];
                    int g = (p >>> 8) & 0xFF;
                    int b = p & 0xFF;
                    int sum = ((p >>> 16) & 0xFF) + g + b;
                    sumA += sum;
                    sumW += i * sum;
                    sumC += g + 2 * b;
                }
                s2 = (s2 + 3L * n * s1 + 3L * ((long) (n - 1) * sumA - sumW) + 3L * sumA - sumC) % MOD_ADLER;
                s1 = (s1 + sumA) % MOD_ADLER;
                rowSums[chunk] = sumA;
                rowSums[chunk + 1] = sumW;
                rowSums[chunk + 2] = sumC;
            }
            summed = true;
            int x = 0;
            while (x < width) {
                int left = width - x;
                int p = pixels[row + x];
                // The first pixel compared here: a literal pixel (anti-aliased edges, text) costs no search.
                int above = x == 0 ? whole : up && y > 0 && pixels[row - width + x] == p ? run(pixels, row - width + x, row + x, left) : 0;
                int before = x > 0 && above < left && pixels[row + x - 1] == p ? run(pixels, row + x - 1, row + x, left) : 0; // none longer than the row's rest
                int pixelsRun = Math.max(above, before);
                if (pixelsRun == 0) {
                    t[size++] = PIXEL | (p & 0xFFFFFF);
                    x++;
                    continue;
                }
                int kind = above >= before ? 0 : BEFORE;
                for (int rest = pixelsRun; rest > 0; rest -= MAX_RUN_PIXELS) {
                    t[size++] = RUN | kind | 3 * Math.min(rest, MAX_RUN_PIXELS);
                }
                x += pixelsRun;
            }
            tokens.size = size;
            if (whiten) {
                boolean white = whole == width ? aboveWhite : pixels[row] == WHITE && run(pixels, row, row + 1, width - 1) == width - 1;
                if (y > from && !aboveWhite) {
                    Arrays.fill(pixels, row - width, row, WHITE);
                }
                aboveWhite = white;
            }
        }
        Bits out = write(tokens, distance);
        out.put(0, 3); // an empty stored block, not final: brings the stream to a byte boundary
        out.align();
        out.bytes(new byte[] {0, 0, (byte) 0xFF, (byte) 0xFF});
        return new Block(out.bytes, out.size, (s2 << 16) | s1, (long) (to - from) * stride);
    }

    /** How many pixels from {@code at} repeat those from {@code from}, at most {@code max}. */
    private static int run(int[] pixels, int from, int at, int max) {
        int m = Arrays.mismatch(pixels, from, from + max, pixels, at, at + max);
        return m < 0 ? max : m;
    }

    /** One block with Huffman codes fitted to its tokens (RFC 1951, 3.2.7). */
    private static Bits write(Tokens tokens, int[] distance) {
        int[] distanceCode = new int[2];
        int[] distanceExtraValue = new int[2];
        int[] distanceExtraBits = new int[2];
        for (int k = 0; k < 2; k++) {
            int i = DISTANCE_BASE.length - 1;
            while (DISTANCE_BASE[i] > distance[k]) {
                i--;
            }
            distanceCode[k] = i;
            distanceExtraValue[k] = distance[k] - DISTANCE_BASE[i];
            distanceExtraBits[k] = DISTANCE_EXTRA[i];
        }
        int[] literalFrequency = new int[286];
        int[] distanceFrequency = new int[30];
        literalFrequency[END_OF_BLOCK] = 1;
        int[] t = tokens.values;
        for (int i = 0; i < tokens.size; i++) {
            int token = t[i];
            if ((token & PIXEL) != 0) {
                literalFrequency[(token >> 16) & 0xFF]++;
                literalFrequency[(token >> 8) & 0xFF]++;
                literalFrequency[token & 0xFF]++;
            } else if (token < RUN) {
                literalFrequency[token]++;
            } else {
                literalFrequency[LENGTH_SYMBOL[token & 0x1FF]]++;
                distanceFrequency[distanceCode[(token & BEFORE) == 0 ? 0 : 1]]++;
            }
        }
        // A distance code of one symbol is read as incomplete by some inflaters: give it a second one.
        for (int i = 0; i < 30 && count(distanceFrequency) < 2; i++) {
            if (distanceFrequency[i] == 0) {
                distanceFrequency[i] = 1;
            }
        }
        int[] literalLengths = codeLengths(literalFrequency, 15);
        int[] distanceLengths = codeLengths(distanceFrequency, 15);
        int[] literalCodes = codes(literalLengths);
        int[] distanceCodes = codes(distanceLengths);
        // The block's size is known from its counts: the output is sized once (growing it was a fifth of the encoding).
        long blockBits = 0;
        for (int i = 0; i < 286; i++) {
            blockBits += (long) literalFrequency[i] * (literalLengths[i] + (i > END_OF_BLOCK ? LENGTH_EXTRA[i - 257] : 0));
        }
        for (int i = 0; i < 30; i++) {
            blockBits += (long) distanceFrequency[i] * (distanceLengths[i] + DISTANCE_EXTRA[i]);
        }
        // the header (at most 3 + 14 + 19·3 bits and 316 code lengths of up to 7 + 7 bits), and the stored block that may end it
        Bits out = new Bits((int) (blockBits / 8) + 1024);

        int hlit = 286;
        while (hlit > 257 && literalLengths[hlit - 1] == 0) {
            hlit--;
        }
        int hdist = 30;
        while (hdist > 1 && distanceLengths[hdist - 1] == 0) {
            hdist--;
        }
        // The two lists of code lengths, one after the other, with runs of zeros said once (symbols 17 and 18).
        int[] all = new int[hlit + hdist];
        System.arraycopy(literalLengths, 0, all, 0, hlit);
        System.arraycopy(distanceLengths, 0, all, hlit, hdist);
        int[] lengthSymbols = new int[all.length];
        int[] lengthExtras = new int[all.length];
        int symbols = 0;
        int[] lengthFrequency = new int[19];
        for (int i = 0; i < all.length; ) {
            int zeros = 0;
            while (i + zeros < all.length && all[i + zeros] == 0 && zeros < 138) {
                zeros++;
            }
            if (zeros >= 11) {
                lengthSymbols[symbols] = 18;
                lengthExtras[symbols++] = zeros - 11;
                i += zeros;
            } else if (zeros >= 3) {
                lengthSymbols[symbols] = 17;
                lengthExtras[symbols++] = zeros - 3;
                i += zeros;
            } else {
                lengthSymbols[symbols++] = all[i++];
            }
            lengthFrequency[lengthSymbols[symbols - 1]]++;
        }
        for (int i = 0; i < 19 && count(lengthFrequency) < 2; i++) { // inflaters refuse a code-length code of one symbol
            if (lengthFrequency[i] == 0) {
                lengthFrequency[i] = 1;
            }
        }
        int[] codeLengthLengths = codeLengths(lengthFrequency, 7);
        int[] codeLengthCodes = codes(codeLengthLengths);
        int hclen = 19;
        while (hclen > 4 && codeLengthLengths[CODE_LENGTH_ORDER[hclen - 1]] == 0) {
            hclen--;
        }

        out.put(0, 1); // not the final block
        out.put(2, 2); // dynamic Huffman codes
        out.put(hlit - 257, 5);
        out.put(hdist - 1, 5);
        out.put(hclen - 4, 4);
        for (int i = 0; i < hclen; i++) {
            out.put(codeLengthLengths[CODE_LENGTH_ORDER[i]], 3);
        }
        for (int i = 0; i < symbols; i++) {
            int s = lengthSymbols[i];
            out.put(codeLengthCodes[s], codeLengthLengths[s]);
            if (s == 17) {
                out.put(lengthExtras[i], 3);
            } else if (s == 18) {
                out.put(lengthExtras[i], 7);
            }
        }
        // Each token's bits written at once, from a table: a literal's code; a run's length code, the length's extra bits,
        // the distance's code and its extra bits (at most 48 bits).
        long[] pattern = new long[RUN | BEFORE | 259];
        int[] patternBits = new int[pattern.length];
        for (int b = 0; b < 256; b++) {
            pattern[b] = literalCodes[b];
            patternBits[b] = literalLengths[b];
        }
        for (int k = 0; k < 2; k++) {
            for (int length = 3; length <= 258; length++) {
                int symbol = LENGTH_SYMBOL[length];
                int d = distanceCode[k];
                int n = literalLengths[symbol];
                long bits = literalCodes[symbol];
                bits |= (long) LENGTH_EXTRA_VALUE[length] << n;
                n += LENGTH_EXTRA_BITS[length];
                bits |= (long) distanceCodes[d] << n;
                n += distanceLengths[d];
                bits |= (long) distanceExtraValue[k] << n;
                n += distanceExtraBits[k];
                int token = RUN | (k == 0 ? 0 : BEFORE) | length;
                pattern[token] = bits;
                patternBits[token] = n;
            }
        }
        for (int i = 0; i < tokens.size; i++) {
            int token = t[i];
            long bits;
            int n;
            if ((token & PIXEL) != 0) { // three literals, at most 45 bits
                int r = (token >> 16) & 0xFF;
                int g = (token >> 8) & 0xFF;
                int b = token & 0xFF;
                bits = pattern[r] | pattern[g] << patternBits[r] | pattern[b] << (patternBits[r] + patternBits[g]);
                n = patternBits[r] + patternBits[g] + patternBits[b];
            } else {
                bits = pattern[token];
                n = patternBits[token];
            }
            if (n <= 32) {
                out.put(bits, n);
            } else {
                out.put(bits & 0xFFFF_FFFFL, 32);
                out.put(bits >>> 32, n - 32);
            }
        }
        out.put(literalCodes[END_OF_BLOCK], literalLengths[END_OF_BLOCK]);
        return out;
    }

    private static int count(int[] frequency) {
        int n = 0;
        for (int f : frequency) {
            n += f > 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * Huffman code lengths for these symbol counts, none longer than {@code limit}: the counts are halved (a used symbol
     * keeps at least one) until the tree is shallow enough, which a chart's counts rarely need.
     */
    static int[] codeLengths(int[] frequency, int limit) {
        int n = frequency.length;
        int[] lengths = new int[n];
        long[] weight = new long[n];
        for (int i = 0; i < n; i++) {
            weight[i] = frequency[i];
        }
        while (true) {
            PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            int[] parent = new int[2 * n];
            int used = 0;
            int only = -1;
            for (int i = 0; i < n; i++) {
                if (weight[i] > 0) {
                    queue.add(new long[] {weight[i], i});
                    used++;
                    only = i;
                }
            }
            Arrays.fill(lengths, 0);
            if (used == 0) {
                return lengths;
            }
            if (used == 1) {
                lengths[only] = 1;
                return lengths;
            }
            int next = n;
            while (queue.size() > 1) {
                long[] a = queue.poll();
                long[] b = queue.poll();
                parent[(int) a[1]] = next;
                parent[(int) b[1]] = next;
                queue.add(new long[] {a[0] + b[0], next});
                next++;
            }
            int root = next - 1;
            int deepest = 0;
            for (int i = 0; i < n; i++) {
                if (weight[i] > 0) {
                    int depth = 0;
                    for (int node = i; node != root; node = parent[node]) {
                        depth++;
                    }
                    lengths[i] = depth;
                    deepest = Math.max(deepest, depth);
                }
            }
            if (deepest <= limit) {
                return lengths;
            }
            for (int i = 0; i < n; i++) {
                if (weight[i] > 0) {
                    weight[i] = (weight[i] >> 1) | 1;
                }
            }
        }
    }

    /** The canonical codes of these lengths (RFC 1951, 3.2.2), bits reversed for the LSB-first stream. */
    static int[] codes(int[] lengths) {
        int[] count = new int[16];
        for (int l : lengths) {
            count[l]++;
        }
        count[0] = 0;
        int[] next = new int[16];
        int code = 0;
        for (int bits = 1; bits < 16; bits++) {
            code = (code + count[bits - 1]) << 1;
            next[bits] = code;
        }
        int[] codes = new int[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] > 0) {
                codes[i] = Integer.reverse(next[lengths[i]]++) >>> (32 - lengths[i]);
            }
        }
        return codes;
    }

    /** The block's symbols before they are coded: a byte, a literal pixel ({@link #PIXEL}), or {@link #RUN} with the distance's flag and the length. */
    private static final class Tokens {
        int[] values;
        int size;

        Tokens(int capacity) {
            values = new int[capacity];
        }

        void reserve(int more) {
            if (size + more > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + more));
            }
        }
    }

    /** Bits written least significant first, as deflate wants them. */
    private static final class Bits {
        private byte[] bytes;
        private int size;
        private long pending;
        private int count;

        Bits(int capacity) {
            bytes = new byte[capacity];
        }

        /** Up to 32 bits. */
        void put(long value, int bits) {
            pending |= value << count;
            count += bits;
            if (count >= 32) {
                ensure(4);
                bytes[size++] = (byte) pending;
                bytes[size++] = (byte) (pending >>> 8);
                bytes[size++] = (byte) (pending >>> 16);
                bytes[size++] = (byte) (pending >>> 24);
                pending >>>= 32;
                count -= 32;
            }
        }

        void align() {
            while (count > 0) {
                ensure(1);
                bytes[size++] = (byte) pending;
                pending >>>= 8;
                count = Math.max(0, count - 8);
            }
            pending = 0;
        }

        void bytes(byte[] more) {
            ensure(more.length);
            System.arraycopy(more, 0, bytes, size, more.length);
            size += more.length;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
