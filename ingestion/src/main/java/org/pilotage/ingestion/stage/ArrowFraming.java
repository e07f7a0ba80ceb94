package org.pilotage.ingestion.stage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.arrow.flatbuf.Block;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.flatbuf.Message;
import org.pilotage.ingestion.kind.UnreadableFileException;

/**
 * Checks the framing of an Arrow IPC file before Arrow's reader sees it: every message length, body
 * length and footer block must lie inside the file. Arrow's reader allocates what those lengths say
 * before it reads, so a flipped bit in one of them would otherwise ask the heap for gigabytes.
 */
final class ArrowFraming {

    private static final int CONTINUATION = 0xFFFFFFFF;
    private static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);
    /** A message's metadata (schema, batch layout) is small: a length beyond this is a damaged one. */
    private static final int MAX_METADATA = 16 * 1024 * 1024;

    private ArrowFraming() {
    }

    static void check(Path file, FileFormat format) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (format == FileFormat.ARROW_FILE) {
                checkFile(channel, size);
            } else {
                checkMessages(channel, 0, size);
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (RuntimeException e) {
            // a flatbuffer that does not parse
            throw new UnreadableFileException("file.not-arrow");
        }
    }

    /** Messages one after the other from {@code from} until the end-of-stream marker or {@code end}. */
    private static void checkMessages(FileChannel channel, long from, long end) throws IOException {
        long at = from;
        while (at + 4 <= end) {
            int length = readInt(channel, at);
            at += 4;
            if (length == CONTINUATION) {
                if (at + 4 > end) {
                    throw damaged();
                }
                length = readInt(channel, at);
                at += 4;
            }
            if (length == 0) {
                return; // end of stream
            }
            if (length < 0 || length > MAX_METADATA || length > end - at) {
                throw damaged();
            }
            Message message = Message.getRootAsMessage(read(channel, at, length));
            at += length;
            long body = message.bodyLength();
            if (body < 0 || body > end - at) {
                throw damaged();
            }
            at += body;
        }
    }

    private static void checkFile(FileChannel channel, long size) throws IOException {
        int magic = MAGIC.length;
        if (size < 2L * magic + 2 + 4) {
            throw damaged();
        }
        ByteBuffer tail = read(channel, size - magic - 4, magic + 4);
        int footerLength = tail.getInt(0);
        for (int i = 0; i < magic; i++) {
            if (tail.get(4 + i) != MAGIC[i]) {
                throw damaged();
            }
        }
        long footerStart = size - magic - 4 - footerLength;
        if (footerLength <= 0 || footerLength > MAX_METADATA || footerStart < 8) {
            throw damaged();
        }
        Footer footer = Footer.getRootAsFooter(read(channel, footerStart, footerLength));
        if (footer.schema() == null) {
            throw damaged();
        }
        for (int i = 0; i < footer.recordBatchesLength(); i++) {
            checkBlock(channel, footer.recordBatches(i), footerStart);
        }
        for (int i = 0; i < footer.dictionariesLength(); i++) {
            checkBlock(channel, footer.dictionaries(i), footerStart);
        }
    }

    private static void checkBlock(FileChannel channel, Block block, long end) throws IOException {
        if (block == null) {
            throw damaged();
        }
        long offset = block.offset();
        long metadata = block.metaDataLength();
        long body = block.bodyLength();
        if (offset < 8 || metadata <= 0 || body < 0 || offset > end || metadata > end - offset || body > end - offset - metadata) {
            throw damaged();
        }
        // Arrow's reader takes the message's own length prefix, not the block's: it must fit too.
        int length = readInt(channel, offset);
        long prefix = 4;
        if (length == CONTINUATION) {
            length = readInt(channel, offset + 4);
            prefix = 8;
        }
        if (length < 0 || length > MAX_METADATA || length > metadata - prefix) {
            throw damaged();
        }
        Message message = Message.getRootAsMessage(read(channel, offset + prefix, length));
        if (message.bodyLength() < 0 || message.bodyLength() > body) {
            throw damaged();
        }
    }

    private static int readInt(FileChannel channel, long at) throws IOException {
        return read(channel, at, 4).getInt(0);
    }

    private static ByteBuffer read(FileChannel channel, long at, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw damaged();
            }
        }
        return buffer.flip().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static UnreadableFileException damaged() {
        return new UnreadableFileException("file.not-arrow");
    }
}
