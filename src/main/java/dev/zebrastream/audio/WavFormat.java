package dev.zebrastream.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** What a WAV fmt chunk says about the samples in the data chunk, checked to be decodable. */
record WavFormat(Encoding encoding, int channels, int sampleRate, int bitsPerSample, int blockAlign) {

    private static final int TAG_EXTENSIBLE = 0xFFFE;
    /** The sub-format's tag is the first two bytes of its GUID, at offset 24 of the extended fmt chunk. */
    private static final int EXTENSIBLE_MIN_BYTES = 26;

    /** The sample encodings we decode, by their format tag (also the first two bytes of an EXTENSIBLE sub-format). */
    enum Encoding {
        PCM(1, "integer", 8, 16, 24, 32),
        FLOAT(3, "float", 32, 64),
        ALAW(6, "A-law", 8),
        MULAW(7, "µ-law", 8),
        IMA_ADPCM(0x11, "IMA ADPCM", 4);

        final int tag;
        final String label;
        private final int[] bits;

        Encoding(int tag, String label, int... bits) {
            this.tag = tag;
            this.label = label;
            this.bits = bits;
        }

        boolean allows(int bitsPerSample) {
            for (int b : bits) {
                if (b == bitsPerSample) {
                    return true;
                }
            }
            return false;
        }

        static Encoding of(int tag) throws AudioFormatException {
            for (Encoding e : values()) {
                if (e.tag == tag) {
                    return e;
                }
            }
            throw new AudioFormatException(String.format("unsupported WAV format tag %d (0x%04X); supported: "
                    + "integer PCM, IEEE float, A-law, µ-law, IMA ADPCM", tag, tag));
        }
    }

    /** Parses and checks the body of a fmt chunk. */
    static WavFormat parse(byte[] body) throws AudioFormatException {
        if (body.length < 16) {
            throw new AudioFormatException("fmt chunk too short (" + body.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        int tag = Short.toUnsignedInt(b.getShort(0));
        if (tag == TAG_EXTENSIBLE) {
            if (body.length < EXTENSIBLE_MIN_BYTES) {
                throw new AudioFormatException("WAVE_FORMAT_EXTENSIBLE fmt chunk too short (" + body.length + " bytes)");
            }
            tag = Short.toUnsignedInt(b.getShort(24));
        }
        WavFormat format = new WavFormat(Encoding.of(tag), Short.toUnsignedInt(b.getShort(2)), b.getInt(4),
                Short.toUnsignedInt(b.getShort(14)), Short.toUnsignedInt(b.getShort(12)));
        format.check();
        return format;
    }

    private void check() throws AudioFormatException {
        if (channels < 1) {
            throw new AudioFormatException("fmt chunk says 0 channels");
        }
        if (sampleRate < WavReader.MIN_RATE || sampleRate > WavReader.MAX_RATE) {
            throw new AudioFormatException("sample rate " + Integer.toUnsignedString(sampleRate)
                    + " Hz is outside " + WavReader.MIN_RATE + ".." + WavReader.MAX_RATE + " Hz");
        }
        if (!encoding.allows(bitsPerSample)) {
            throw new AudioFormatException("unsupported sample size: " + bitsPerSample + "-bit " + encoding.label);
        }
        if (encoding == Encoding.IMA_ADPCM ? !ImaAdpcmDecoder.fits(blockAlign, channels)
                : blockAlign != channels * bitsPerSample / 8) {
            throw new AudioFormatException("block align " + blockAlign + " does not fit " + channels
                    + " channel(s) of " + bitsPerSample + "-bit " + encoding.label + " samples");
        }
    }

    /** A decoder for data in this format. */
    SampleDecoder decoder() {
        return switch (encoding) {
            case PCM -> new InterleavedDecoder(channels, bitsPerSample / 8, InterleavedDecoder.integerPcm(bitsPerSample));
            case FLOAT -> new InterleavedDecoder(channels, bitsPerSample / 8, InterleavedDecoder.ieeeFloat(bitsPerSample));
            case ALAW -> new InterleavedDecoder(channels, 1, G711::alaw);
            case MULAW -> new InterleavedDecoder(channels, 1, G711::mulaw);
            case IMA_ADPCM -> new ImaAdpcmDecoder(channels, blockAlign);
        };
    }
}
