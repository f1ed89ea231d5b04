package dev.zebrastream.audio;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

/**
 * What the first bytes of a file say it is: a compressed or other audio format that ffmpeg decodes,
 * or, for the WAV reader's message, what a file that is not WAV looks like.
 */
final class FileStart {

    private static final Map<String, String> MAGIC = Map.of(
            "OggS", "an Ogg file", "fLaC", "a FLAC file", "ID3", "an MP3 file", "FORM", "an AIFF/IFF file");
    private static final int SHOWN_BYTES = 8;

    private FileStart() {
    }

    /**
     * What a file ffmpeg should decode looks like ("a FLAC file", ...), or null when it does not look
     * like one: Ogg (Vorbis, Opus, FLAC), FLAC, MP3 (ID3 tag or an MPEG audio frame header), AIFF.
     */
    static String compressedFormat(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.startsWith("OggS")) {
            return "an Ogg file";
        }
        if (text.startsWith("fLaC")) {
            return "a FLAC file";
        }
        if (text.startsWith("ID3") || (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xe0) == 0xe0)) {
            return "an MP3 file";
        }
        if (text.startsWith("FORM") && text.length() >= 12
                && (text.startsWith("AIFF", 8) || text.startsWith("AIFC", 8))) {
            return "an AIFF file";
        }
        return null;
    }

    static String describe(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        for (Map.Entry<String, String> m : MAGIC.entrySet()) {
            if (text.startsWith(m.getKey())) {
                return m.getValue() + " (starts with \"" + m.getKey() + "\")";
            }
        }
        if (text.startsWith("RIFF")) {
            return head.length < 12 ? "RIFF header cut off after " + head.length + " bytes"
                    : "RIFF form type \"" + printable(text.substring(8, 12)) + "\", not \"WAVE\"";
        }
        String start = text.substring(0, Math.min(SHOWN_BYTES, text.length()));
        return start.equals(printable(start)) ? "starts with \"" + start + "\""
                : "starts with bytes " + HexFormat.ofDelimiter(" ").formatHex(head, 0, start.length());
    }

    /** The text with anything outside printable ASCII shown as '?'. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            b.append(ch >= 0x20 && ch < 0x7F ? ch : '?');
        }
        return b.toString();
    }
}
