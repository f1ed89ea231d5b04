package dev.zebrastream.synth;

import dev.zebrastream.audio.AudioClip;

/** A rendered clip with its label, a caption describing it, the resolved domain (e.g. "factory-2") and its seed. */
public record LabeledClip(AudioClip clip, String className, String caption, String domain, long seed) {
}
