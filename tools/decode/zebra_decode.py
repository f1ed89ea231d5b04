"""Decode ZEBRA Stream Kafka values with Debian's python3-avro (1.11) and the .avsc files alone.

    kcat -C -b localhost:9092 -t zebra.events -e -f '%S:%s' | python3 tools/decode/zebra_decode.py schemas/
"""
import io
import json
import pathlib
import re
import sys

import avro.io
import avro.schema

CRC64_EMPTY = 0xC15D213AA4D7A795
CRC64_TABLE = []
for i in range(256):
    fp = i
    for _ in range(8):
        fp = (fp >> 1) ^ (CRC64_EMPTY & -(fp & 1))
    CRC64_TABLE.append(fp)


def crc64_avro(data):
    fp = CRC64_EMPTY
    for b in data:
        fp = (fp >> 8) ^ CRC64_TABLE[(fp ^ b) & 0xFF]
    return fp


def fingerprint(schema):
    """The 8 header bytes of a record written with `schema`.

    python3-avro 1.11 writes a logical-type field as {"type":"long"} in the canonical form, where the
    specification (and every writer) has the bare "long": fix that, then hash.
    """
    canonical = re.sub(r'\{"type":"(int|long|bytes|string|float|double|boolean|null)"\}', r'"\1"',
                       schema.canonical_form)
    return crc64_avro(canonical.encode()).to_bytes(8, "little")


def load_schemas(folder):
    """Every writer schema (current and history/) by header bytes; LabelScore.avsc is a shared type."""
    folder = pathlib.Path(folder)
    label_score = json.loads((folder / "LabelScore.avsc").read_text())
    paths = [p for p in folder.glob("*.avsc") if p.name != "LabelScore.avsc"] + list(folder.glob("history/*.avsc"))
    by_fingerprint = {}
    for path in paths:
        names = avro.schema.Names()
        avro.schema.make_avsc_object(label_score, names)
        schema = avro.schema.make_avsc_object(json.loads(path.read_text()), names)
        by_fingerprint[fingerprint(schema)] = schema
    return by_fingerprint


def decode(value, schemas):
    if value[:2] != b"\xc3\x01":
        raise ValueError("not Avro single-object encoding (bad marker)")
    schema = schemas.get(value[2:10])
    if schema is None:
        raise ValueError(f"unknown schema fingerprint 0x{value[2:10][::-1].hex()}")
    return avro.io.DatumReader(schema).read(avro.io.BinaryDecoder(io.BytesIO(value[10:])))


def kcat_values(stream):
    """Values from kcat -f '%S:%s' (size, colon, bytes; size -1 for a tombstone)."""
    while size := _read_until(stream, b":"):
        n = int(size)
        yield stream.read(n) if n >= 0 else None


def _read_until(stream, stop):
    out = b""
    while (c := stream.read(1)) and c != stop:
        out += c
    return out


if __name__ == "__main__":
    schemas = load_schemas(sys.argv[1] if len(sys.argv) > 1 else "schemas")
    for value in kcat_values(sys.stdin.buffer):
        print("null" if value is None else json.dumps(decode(value, schemas), default=str))
