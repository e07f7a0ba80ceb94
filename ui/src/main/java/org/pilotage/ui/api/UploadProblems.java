package org.pilotage.ui.api;

import java.util.Locale;

import org.pilotage.analytics.store.StoreErrors;
import org.pilotage.analytics.text.Sentence;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartException;

/**
 * What went wrong with a multipart upload, read from what the servlet container and Spring throw while
 * they parse it: too large (413), no room left on the disk (507), too many parts, headers too long
 * (a file name of thousands of characters) or a body that is not multipart at all (400).
 */
final class UploadProblems {

    record Problem(HttpStatus status, Sentence sentence) {
    }

    /** Set once from the configuration: the size named in a 413's sentence. */
    private static volatile long limit = 200L * 1024 * 1024;

    private UploadProblems() {
    }

    static void limit(long bytes) {
        limit = bytes;
    }

    static Sentence tooLarge() {
        long mb = limit / (1024 * 1024);
        return Sentence.of("file.too-large", Sentence.of("size.mb", mb));
    }

    /** The problem an exception of the upload's parsing names, or null when it is not one. */
    static Problem of(Throwable e) {
        boolean multipart = false;
        boolean size = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (name.equals("FileCountLimitExceededException") || message.contains("file count") || message.contains("part count")
                    || message.contains("number of parts") || message.contains("too many parts") || message.contains("maxpartcount")) {
                return new Problem(HttpStatus.BAD_REQUEST, Sentence.of("api.multipart-too-many-parts"));
            }
            if (message.contains("header section") || message.contains("header size") || message.contains("maxpartheadersize")) {
                return new Problem(HttpStatus.BAD_REQUEST, Sentence.of("api.multipart-header-too-long"));
            }
            size |= name.equals("MaxUploadSizeExceededException") || name.equals("SizeLimitExceededException")
                    || name.equals("FileSizeLimitExceededException");
            multipart |= t instanceof MultipartException || name.contains("FileUpload") || name.contains("MalformedStream")
                    || name.contains("InvalidContentType");
        }
        if (StoreErrors.diskFull(e)) {
            return new Problem(HttpStatus.INSUFFICIENT_STORAGE, Sentence.of("api.disk-full"));
        }
        if (size) {
            return new Problem(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge());
        }
        return multipart ? new Problem(HttpStatus.BAD_REQUEST, Sentence.of("api.multipart-malformed")) : null;
    }
}
