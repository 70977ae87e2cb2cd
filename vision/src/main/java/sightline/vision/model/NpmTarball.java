package sightline.vision.model;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads the gzip'd tar that {@code npm pack} writes and copies chosen entries out of it. npm writes POSIX ustar
 * entries, with pax headers for long names; that is all this reader understands, and all it needs to.
 */
final class NpmTarball {

  private static final int BLOCK = 512;

  private NpmTarball() {}

  /**
   * Copies each wanted entry to its target path (created or replaced).
   *
   * @param tarball the {@code .tgz} file
   * @param wanted entry path inside the tarball (e.g. {@code package/model/x.onnx}) to target file
   * @return the entry paths that were found and copied
   */
  static Set<String> extract(Path tarball, Map<String, Path> wanted) throws IOException {
    var copied = new HashSet<String>();
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tarball)), 1 << 16)) {
      byte[] header = new byte[BLOCK];
      String paxPath = null;
      while (readFully(in, header)) {
        if (isZeroBlock(header)) {
          break;
        }
        String name = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
        String sizeField = field(header, 124, 12).trim();
        long size = sizeField.isEmpty() ? 0 : Long.parseLong(sizeField, 8);
        char type = (char) header[156];
        long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
        if (type == 'x') {
          paxPath = paxAttributes(new String(in.readNBytes((int) size), StandardCharsets.UTF_8)).get("path");
          in.skipNBytes(padded - size);
          continue;
        }
        if (paxPath != null) {
          name = paxPath;
          paxPath = null;
        }
        Path target = wanted.get(name);
        if ((type == '0' || type == 0) && target != null) {
          Files.createDirectories(target.getParent());
          Path partial = target.resolveSibling(target.getFileName() + ".part");
          try (var out = Files.newOutputStream(partial)) {
            copy(in, out, size);
          }
          Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          copied.add(name);
          in.skipNBytes(padded - size);
        } else {
          in.skipNBytes(padded);
        }
      }
    }
    return copied;
  }

  static Map<String, String> paxAttributes(String records) {
    // Each record is "<length> <key>=<value>\n".
    var attributes = new HashMap<String, String>();
    for (String record : records.split("\n")) {
      int space = record.indexOf(' ');
      int equals = record.indexOf('=');
      if (space > 0 && equals > space) {
        attributes.put(record.substring(space + 1, equals), record.substring(equals + 1));
      }
    }
    return attributes;
  }

  private static void copy(InputStream in, OutputStream out, long size) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long left = size;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("tarball ends inside an entry");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private static boolean readFully(InputStream in, byte[] block) throws IOException {
    int read = in.readNBytes(block, 0, block.length);
    if (read == 0) {
      return false;
    }
    if (read < block.length) {
      throw new IOException("tarball is truncated");
    }
    return true;
  }

  private static boolean isZeroBlock(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }
}
