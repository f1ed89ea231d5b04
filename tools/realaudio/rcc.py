"""Reader for Qt resource files (.rcc), in which GCompris packs its sounds.

Layout (Qt's rcc format, versions 1–3): a "qres" header with the offsets of a tree of nodes, of
the data blobs and of the names. A node is a directory (child count and first child) or a file
(offset of its blob). A blob is a 4-byte length and the bytes; compressed ones start with the
4-byte uncompressed size of a zlib stream (Qt's qCompress).
"""
import struct
import zlib

COMPRESSED = 0x01
DIRECTORY = 0x02
ZSTD = 0x04


def is_rcc(path):
    with open(path, "rb") as f:
        return f.read(4) == b"qres"


class Rcc:

    def __init__(self, path):
        with open(path, "rb") as f:
            self.bytes = f.read()
        magic, self.version, self.tree, self.data, self.names = struct.unpack(">4sIIII", self.bytes[:20])
        if magic != b"qres" or self.version not in (1, 2, 3):
            raise ValueError(f"{path}: not a Qt resource file of a known version")
        self.node_size = 14 if self.version == 1 else 22
        self.files = {}
        self._walk(0, "")

    def _walk(self, node, prefix):
        at = self.tree + node * self.node_size
        name_offset, flags = struct.unpack(">IH", self.bytes[at:at + 6])
        name = self._name(name_offset) if node else ""
        path = f"{prefix}/{name}" if prefix else name
        if flags & DIRECTORY:
            count, first = struct.unpack(">II", self.bytes[at + 6:at + 14])
            for child in range(first, first + count):
                self._walk(child, path)
        else:
            (data_offset,) = struct.unpack(">I", self.bytes[at + 10:at + 14])
            self.files[path] = (self.data + data_offset, flags)

    def _name(self, offset):
        at = self.names + offset
        (length,) = struct.unpack(">H", self.bytes[at:at + 2])
        return self.bytes[at + 6:at + 6 + 2 * length].decode("utf-16-be")

    def namelist(self):
        return list(self.files)

    def read(self, name):
        at, flags = self.files[name]
        (length,) = struct.unpack(">I", self.bytes[at:at + 4])
        blob = self.bytes[at + 4:at + 4 + length]
        if flags & ZSTD:
            raise ValueError(f"{name}: zstd-compressed resource (not supported)")
        return zlib.decompress(blob[4:]) if flags & COMPRESSED else blob
