// Reads one member out of a zip file (a wheel is one) without unzip or a dependency: the
// start command runs on machines that have neither Python's zipfile nor unzip for sure.
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

interface Member {
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = fs.readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

function findMember(fd: number, fileSize: number, name: string): Member {
  // The end record is the last 22 bytes plus a comment of at most 64 KiB.
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = readAt(fd, fileSize - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file (no end of central directory)');
  const entries = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  const directory = readAt(fd, directoryOffset, directorySize);
  let at = 0;
  for (let i = 0; i < entries; i++) {
    if (directory.readUInt32LE(at) !== CENTRAL_FILE_HEADER) throw new Error('corrupt zip central directory');
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const entryName = directory.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) {
      return {
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        localHeaderOffset: directory.readUInt32LE(at + 42),
      };
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`the zip has no member ${name}`);
}

/** Writes `member` of `zipPath` to `target`; returns its size in bytes. */
export async function extractZipMember(zipPath: string, member: string, target: string): Promise<number> {
  const fd = fs.openSync(zipPath, 'r');
  let entry: Member;
  let dataStart: number;
  try {
    entry = findMember(fd, fs.fstatSync(fd).size, member);
    const local = readAt(fd, entry.localHeaderOffset, 30);
    if (local.readUInt32LE(0) !== LOCAL_FILE_HEADER) throw new Error(`corrupt zip local header for ${member}`);
    dataStart = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    fs.closeSync(fd);
  }
  if (entry.method !== 0 && entry.method !== 8)
    throw new Error(`zip member ${member} uses compression method ${entry.method}`);
  const source = fs.createReadStream(zipPath, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  const sink = fs.createWriteStream(target);
  if (entry.method === 8) await pipeline(source, zlib.createInflateRaw(), sink);
  else await pipeline(source, sink);
  const written = fs.statSync(target).size;
  if (written !== entry.size) throw new Error(`zip member ${member}: wrote ${written} bytes, expected ${entry.size}`);
  return written;
}
