package sightline.vision.testing;

import java.io.ByteArrayOutputStream;

/**
 * A zlib stream that inflates to {@code n} zero bytes, written directly instead of by {@link java.util.zip.Deflater}
 * (which needs about 10 ms per MB of zeros). One dynamic Huffman block gives the match "length 258, distance 1" a
 * one-bit code and distance code 0 a one-bit code, so every 258 zeros after the first cost two zero bits: 1032
 * bytes inflated per byte stored, deflate's largest ratio. This is how a decompression bomb is built.
 */
final class ZeroDeflate {

  private ZeroDeflate() {
  }

  /** Least-significant-bit-first bit packing, as deflate stores its bits. */
  private static final class Bits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int buffer;
    private int count;

    void write(int value, int bits) { // value's bits, least significant first (header fields, extra bits)
      for (int i = 0; i < bits; i++) {
        bit(value >> i & 1);
      }
    }

    void code(int code, int length) { // a Huffman code, most significant bit first
      for (int i = length - 1; i >= 0; i--) {
        bit(code >> i & 1);
      }
    }

    void zeros(long bits) {
      while (bits > 0 && count != 0) {
        bit(0);
        bits--;
      }
      long bytes = bits / 8;
      byte[] block = new byte[(int) Math.min(bytes, 1 << 16)];
      for (long left = bytes; left > 0; left -= block.length) {
        out.write(block, 0, (int) Math.min(left, block.length));
      }
      for (long i = bytes * 8; i < bits; i++) {
        bit(0);
      }
    }

    private void bit(int b) {
      buffer |= b << count;
      if (++count == 8) {
        out.write(buffer);
        buffer = 0;
        count = 0;
      }
    }

    byte[] finish() {
      if (count > 0) {
        out.write(buffer);
      }
      return out.toByteArray();
    }
  }

  /** A zlib stream (RFC 1950) holding {@code n} zero bytes. */
  static byte[] zlib(long n) {
    var bits = new Bits();
    bits.write(0x78, 8);
    bits.write(0x01, 8); // 0x7801 is a multiple of 31, as the header check requires
    bits.write(1, 1);    // final block
    bits.write(2, 2);    // dynamic Huffman codes
    bits.write(286 - 257, 5);
    bits.write(1 - 1, 5);
    bits.write(19 - 4, 4);
    // Code-length code lengths in the order the format lists them: symbols 1, 2, 17 and 18 get 2 bits each.
    int[] order = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    for (int symbol : order) {
      bits.write(symbol == 1 || symbol == 2 || symbol == 17 || symbol == 18 ? 2 : 0, 3);
    }
    // Canonical code-length codes: 1 -> 00, 2 -> 01, 17 -> 10, 18 -> 11.
    bits.code(0b01, 2);                  // literal 0: length 2
    bits.code(0b11, 2); bits.write(127, 7); // 138 zeros (literals 1..138)
    bits.code(0b11, 2); bits.write(106, 7); // 117 zeros (literals 139..255)
    bits.code(0b01, 2);                  // 256 (end of block): length 2
    bits.code(0b11, 2); bits.write(17, 7);  // 28 zeros (257..284)
    bits.code(0b00, 2);                  // 285 (length 258): length 1
    bits.code(0b00, 2);                  // distance code 0 (distance 1): length 1
    // Canonical literal/length codes: 285 -> 0, literal 0 -> 10, end of block -> 11. Distance 0 -> 0.
    if (n > 0) {
      bits.code(0b10, 2);
      long rest = n - 1;
      bits.zeros(2 * (rest / 258));
      for (long i = 0; i < rest % 258; i++) {
        bits.code(0b10, 2);
      }
    }
    bits.code(0b11, 2);
    byte[] body = bits.finish();
    long adler = (n % 65521) << 16 | 1; // for zeros, a stays 1 and b grows by 1 per byte
    byte[] out = java.util.Arrays.copyOf(body, body.length + 4);
    for (int i = 0; i < 4; i++) {
      out[body.length + i] = (byte) (adler >> (24 - 8 * i));
    }
    return out;
  }
}
