"""Event clips from decoded audio, and fingerprints that recognise the same recording twice."""
import numpy as np

RATE = 16000
FRAME = 320                      # 20 ms energy frames
MAX_CLIP = 2 * RATE              # the training corpus uses 2 s clips
MIN_EVENT = 5                    # frames (100 ms): shorter bursts are clicks, not events
MIN_PIECE = RATE // 2            # a long event's last piece is kept only when ≥ 0.5 s
MERGE_GAP = 10                   # frames (200 ms) of quiet inside one event
RELATIVE_FLOOR_DB = -30.0        # below the file's loudest frame
ABSOLUTE_FLOOR_DB = -60.0        # dBFS: digital near-silence is never an event


def frame_db(samples):
    n = len(samples) // FRAME
    frames = samples[:n * FRAME].reshape(n, FRAME).astype(np.float64)
    return 10 * np.log10(np.maximum((frames ** 2).mean(axis=1), 1e-12))


def regions(active):
    """[start, end) frame runs of True, with gaps up to MERGE_GAP frames bridged."""
    runs, start, quiet = [], None, 0
    for i, on in enumerate(active):
        if on:
            start = i if start is None else start
            quiet = 0
        elif start is not None:
            quiet += 1
            if quiet > MERGE_GAP:
                runs.append((start, i - quiet + 1))
                start, quiet = None, 0
    if start is not None:
        runs.append((start, len(active) - quiet))
    return [(a, b) for a, b in runs if b - a >= MIN_EVENT]


def events(samples, most):
    """Up to `most` (start sample, clip) pairs: each loud region, cut into 2 s pieces when longer,
    picked evenly over the file so long recordings do not fill the corpus with one scene."""
    db = frame_db(samples)
    if len(db) == 0:
        return []
    threshold = max(db.max() + RELATIVE_FLOOR_DB, ABSOLUTE_FLOOR_DB)
    pieces = []
    for a, b in regions(db > threshold):
        start, end = max(0, (a - 2) * FRAME), min(len(samples), (b + 2) * FRAME)
        for piece in range(start, end, MAX_CLIP):
            if end - piece >= MIN_PIECE or piece == start:
                pieces.append((piece, samples[piece:min(end, piece + MAX_CLIP)]))
    if len(pieces) > most:
        picks = np.linspace(0, len(pieces) - 1, most).round().astype(int)
        pieces = [pieces[i] for i in picks]
    return [(start, normalise(clip)) for start, clip in pieces]


def normalise(clip):
    """Peak to -1 dBFS: sources differ by tens of dB, and gain is an augmentation, not a label cue."""
    peak = np.abs(clip).max()
    return (clip * (10 ** (-1 / 20) / peak)).astype(np.float32) if peak > 0 else clip


def to_int16(clip):
    return np.clip(np.round(clip * 32767), -32768, 32767).astype(np.int16)


FINGERPRINT_STEPS = 16
FINGERPRINT_BANDS = 32


def fingerprint(clip):
    """Unit vector of log band energies over the clip's first second (16 time steps × 32 bands),
    mean-removed so that a copy at another gain or a re-encoding matches. Only the audio that is
    there counts: time steps spread over the clip's own length, so two short clips are not alike
    merely because both are mostly padding."""
    head = np.asarray(clip[:RATE], dtype=np.float64)
    if len(head) < 512:
        head = np.pad(head, (0, 512 - len(head)))
    frames = np.lib.stride_tricks.sliding_window_view(head, 512)[::256] * np.hanning(512)
    power = np.abs(np.fft.rfft(frames, axis=1))[:, :256] ** 2                       # [T, 256]
    bands = power.reshape(len(power), FINGERPRINT_BANDS, -1).sum(axis=2)             # [T, 32]
    steps = np.stack([part.mean(axis=0) for part in np.array_split(
        np.repeat(bands, -(-FINGERPRINT_STEPS // len(bands)), axis=0), FINGERPRINT_STEPS)])
    db = 10 * np.log10(np.maximum(steps, steps.max() * 1e-8 + 1e-20))
    vector = db.ravel() - db.mean()
    norm = np.linalg.norm(vector)
    return vector / norm if norm > 0 else vector


class FingerprintIndex:
    """Fingerprints and durations seen so far, in buffers that double as they fill. Two clips are
    the same recording when their durations agree within 5 % and their fingerprints' cosine is
    at least the threshold."""

    def __init__(self):
        self.matrix = np.zeros((1024, FINGERPRINT_STEPS * FINGERPRINT_BANDS))
        self.seconds = np.zeros(1024)
        self.size = 0

    def add(self, vector, seconds):
        if self.size == len(self.matrix):
            self.matrix = np.vstack([self.matrix, np.zeros_like(self.matrix)])
            self.seconds = np.concatenate([self.seconds, np.zeros_like(self.seconds)])
        self.matrix[self.size] = vector
        self.seconds[self.size] = seconds
        self.size += 1

    def near(self, vector, seconds, threshold):
        if self.size == 0:
            return False
        alike = np.abs(self.seconds[:self.size] - seconds) <= 0.05 * np.maximum(self.seconds[:self.size], seconds)
        return bool(alike.any()) and float((self.matrix[:self.size][alike] @ vector).max()) >= threshold
