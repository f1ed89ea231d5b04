package dev.zebrastream.audio;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

/** Says what the first bytes of a file that is not WAV look like, so that the user can tell what it is. */
final class FileStart {

    private static final Map<String, String> MAGIC = Map.of(
            "OggS", "an Ogg file", "fLaC", "a FLAC file", "ID3", "an MP3 file", "FORM", "an AIFF/IFF file");
    private static final int SHOWN_BYTES = 8;

    private FileStart() {
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
