package org.bidarena.learning.ctr;

import java.util.Arrays;

/** Examples already hashed to coordinates, held in flat arrays: example e is coords[start[e] .. start[e+1]). */
public final class EncodedExamples {
  private int[] coords = new int[1 << 12];
  private int[] start = new int[1 << 8];
  private byte[] labels = new byte[1 << 8];
  private int size;
  private int used;

  public void add(int[] x, int count, int label) {
    if (size + 1 >= start.length) {
      start = Arrays.copyOf(start, start.length * 2);
      labels = Arrays.copyOf(labels, labels.length * 2);
    }
    while (used + count > coords.length) {
      coords = Arrays.copyOf(coords, coords.length * 2);
    }
    System.arraycopy(x, 0, coords, used, count);
    labels[size] = (byte) label;
    used += count;
    size++;
    start[size] = used;
  }

  public int size() {
    return size;
  }

  public void clear() {
    size = 0;
    used = 0;
  }

  public int[] coords() {
    return coords;
  }

  public int start(int e) {
    return start[e];
  }

  public int end(int e) {
    return start[e + 1];
  }

  public int label(int e) {
    return labels[e];
  }
}
