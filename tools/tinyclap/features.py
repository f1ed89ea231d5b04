"""Reference log-mel front end of tiny-clap (numpy, float64).

This file is the definition the Java extractor is tested against (golden fixtures), so it
follows docs/model-contract.md step by step and mirrors Hugging Face's
`transformers.audio_utils` (mel_filter_bank, spectrogram) rather than any faster shortcut.
"""
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class FrontEnd:
    sample_rate: int = 16000
    window_seconds: float = 1.0
    n_fft: int = 512
    win_length: int = 512
    hop_length: int = 160
    n_mels: int = 64
    f_min: float = 50.0
    f_max: float = 8000.0
    log_floor: float = 1e-10

    @property
    def window_samples(self) -> int:
        return int(round(self.window_seconds * self.sample_rate))

    @property
    def n_frames(self) -> int:
        return 1 + self.window_samples // self.hop_length

    def manifest_block(self) -> dict:
        """The `audio` block of manifest.json describing exactly this front end."""
        return {
            "sample_rate": self.sample_rate,
            "window_seconds": self.window_seconds,
            "n_fft": self.n_fft,
            "win_length": self.win_length,
            "hop_length": self.hop_length,
            "window": "hann_periodic",
            "center": True,
            "pad_mode": "reflect",
            "power": 2.0,
            "n_mels": self.n_mels,
            "f_min": self.f_min,
            "f_max": self.f_max,
            "mel_scale": "slaney",
            "mel_norm": "slaney",
            "log": "db",
            "log_floor": self.log_floor,
            "padding": "repeatpad",
        }


TINY_CLAP = FrontEnd()

# librosa / transformers Slaney mel scale: linear below 1 kHz, logarithmic above.
_MIN_LOG_HZ = 1000.0
_MIN_LOG_MEL = 15.0
_LOG_STEP = 27.0 / np.log(6.4)


def hz_to_mel_slaney(freq):
    freq = np.asarray(freq, dtype=np.float64)
    mel = 3.0 * freq / 200.0
    log_region = freq >= _MIN_LOG_HZ
    return np.where(log_region, _MIN_LOG_MEL + np.log(np.maximum(freq, 1e-300) / _MIN_LOG_HZ) * _LOG_STEP, mel)


def mel_to_hz_slaney(mel):
    mel = np.asarray(mel, dtype=np.float64)
    freq = 200.0 * mel / 3.0
    log_region = mel >= _MIN_LOG_MEL
    return np.where(log_region, _MIN_LOG_HZ * np.exp((mel - _MIN_LOG_MEL) / _LOG_STEP), freq)


def mel_filter_bank(fe: FrontEnd = TINY_CLAP) -> np.ndarray:
    """[n_fft/2 + 1, n_mels] triangular Slaney filters with Slaney area norm (transformers' layout)."""
    n_bins = fe.n_fft // 2 + 1
    mel_points = np.linspace(hz_to_mel_slaney(fe.f_min), hz_to_mel_slaney(fe.f_max), fe.n_mels + 2)
    filter_hz = mel_to_hz_slaney(mel_points)
    fft_hz = np.linspace(0, fe.sample_rate // 2, n_bins)

    filter_diff = np.diff(filter_hz)
    slopes = filter_hz[None, :] - fft_hz[:, None]
    down = -slopes[:, :-2] / filter_diff[:-1]
    up = slopes[:, 2:] / filter_diff[1:]
    filters = np.maximum(0.0, np.minimum(down, up))

    area_norm = 2.0 / (filter_hz[2:fe.n_mels + 2] - filter_hz[:fe.n_mels])
    return filters * area_norm[None, :]


def hann_periodic(length: int) -> np.ndarray:
    n = np.arange(length, dtype=np.float64)
    return 0.5 - 0.5 * np.cos(2.0 * np.pi * n / length)


def repeatpad(samples: np.ndarray, fe: FrontEnd = TINY_CLAP) -> np.ndarray:
    """Fit a signal to exactly one window: repeat whole copies then zero-pad; cut if longer."""
    target = fe.window_samples
    samples = np.asarray(samples, dtype=np.float64)
    if len(samples) == 0:
        raise ValueError("empty signal")
    if len(samples) >= target:
        return samples[:target]
    tiled = np.tile(samples, target // len(samples))
    return np.pad(tiled, (0, target - len(tiled)))


def power_spectrogram(window: np.ndarray, fe: FrontEnd = TINY_CLAP) -> np.ndarray:
    """[frames, n_fft/2 + 1] |STFT|^2 of centre-reflect-padded frames."""
    half = fe.n_fft // 2
    padded = np.pad(window, (half, half), mode="reflect")
    n_frames = 1 + (len(padded) - fe.n_fft) // fe.hop_length
    starts = np.arange(n_frames) * fe.hop_length
    frames = padded[starts[:, None] + np.arange(fe.n_fft)[None, :]]
    # win_length == n_fft here; a shorter window would be centred in the frame.
    hann = np.zeros(fe.n_fft)
    offset = (fe.n_fft - fe.win_length) // 2
    hann[offset:offset + fe.win_length] = hann_periodic(fe.win_length)
    spectrum = np.fft.rfft(frames * hann[None, :], n=fe.n_fft, axis=1)
    return np.abs(spectrum) ** 2


_FILTERS_CACHE = {}


def _filters(fe: FrontEnd) -> np.ndarray:
    if fe not in _FILTERS_CACHE:
        _FILTERS_CACHE[fe] = mel_filter_bank(fe)
    return _FILTERS_CACHE[fe]


def log_mel(samples: np.ndarray, fe: FrontEnd = TINY_CLAP) -> np.ndarray:
    """Samples (float, sample_rate) → [frames, n_mels] dB log-mel of one window (float64)."""
    window = repeatpad(samples, fe)
    mel = power_spectrogram(window, fe) @ _filters(fe)
    return 10.0 * np.log10(np.maximum(mel, fe.log_floor))


def log_mel_windows(samples: np.ndarray, fe: FrontEnd = TINY_CLAP) -> np.ndarray:
    """Log-mel of the full signal as one long STFT, [frames, n_mels], for cheap random cropping.

    Training crops frame ranges out of this instead of recomputing per crop. A crop of a
    centred STFT differs from the STFT of the cropped audio only in the first/last couple of
    frames (reflect padding vs real neighbours), which is harmless as augmentation.
    """
    samples = np.asarray(samples, dtype=np.float64)
    mel = power_spectrogram(samples, fe) @ _filters(fe)
    return 10.0 * np.log10(np.maximum(mel, fe.log_floor))
