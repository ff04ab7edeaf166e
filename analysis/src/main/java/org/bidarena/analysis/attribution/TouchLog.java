package org.bidarena.analysis.attribution;

import java.util.Arrays;

/**
 * What attribution reads from a run, columnar: every ad touch (customer, tick, agent, creative, channel,
 * campaign cell) and every conversion (customer, tick, value). Rows may come in any order; {@link Journeys}
 * sorts them. A cell is {@link #NO_CELL} until campaigns have cells.
 */
public final class TouchLog {
  public static final int NO_CELL = -1;

  private final int customers;
  private int touches;
  private int[] touchCustomer = new int[16];
  private int[] touchTick = new int[16];
  private int[] touchAgent = new int[16];
  private int[] touchCreative = new int[16];
  private int[] touchChannel = new int[16];
  private int[] touchCell = new int[16];
  private int conversions;
  private int[] conversionCustomer = new int[16];
  private int[] conversionTick = new int[16];
  private long[] conversionValue = new long[16];

  /** A log over customers 0 .. {@code customers - 1}; a customer with no row is a journey with no touch. */
  public TouchLog(int customers) {
    if (customers < 0) {
      throw new IllegalArgumentException("customers must be >= 0, was " + customers);
    }
    this.customers = customers;
  }

  public TouchLog touch(int customer, int tick, int agent, int creative, int channel, int cell) {
    checkCustomer(customer);
    if (touches == touchCustomer.length) {
      int cap = touches * 2;
      touchCustomer = Arrays.copyOf(touchCustomer, cap);
      touchTick = Arrays.copyOf(touchTick, cap);
      touchAgent = Arrays.copyOf(touchAgent, cap);
      touchCreative = Arrays.copyOf(touchCreative, cap);
      touchChannel = Arrays.copyOf(touchChannel, cap);
      touchCell = Arrays.copyOf(touchCell, cap);
    }
    touchCustomer[touches] = customer;
    touchTick[touches] = tick;
    touchAgent[touches] = agent;
    touchCreative[touches] = creative;
    touchChannel[touches] = channel;
    touchCell[touches] = cell;
    touches++;
    return this;
  }

  /** A touch on the display channel, without a cell. */
  public TouchLog touch(int customer, int tick, int agent, int creative) {
    return touch(customer, tick, agent, creative, Dimension.DISPLAY, NO_CELL);
  }

  public TouchLog conversion(int customer, int tick, long valueMicros) {
    checkCustomer(customer);
    if (conversions == conversionCustomer.length) {
      int cap = conversions * 2;
      conversionCustomer = Arrays.copyOf(conversionCustomer, cap);
      conversionTick = Arrays.copyOf(conversionTick, cap);
      conversionValue = Arrays.copyOf(conversionValue, cap);
    }
    conversionCustomer[conversions] = customer;
    conversionTick[conversions] = tick;
    conversionValue[conversions] = valueMicros;
    conversions++;
    return this;
  }

  private void checkCustomer(int customer) {
    if (customer < 0 || customer >= customers) {
      throw new IllegalArgumentException("customer " + customer + " outside 0.." + (customers - 1));
    }
  }

  public int customers() {
    return customers;
  }

  public int touches() {
    return touches;
  }

  public int conversions() {
    return conversions;
  }

  public int touchCustomer(int i) {
    return touchCustomer[i];
  }

  public int touchTick(int i) {
    return touchTick[i];
  }

  public int touchAgent(int i) {
    return touchAgent[i];
  }

  public int touchCreative(int i) {
    return touchCreative[i];
  }

  public int touchChannel(int i) {
    return touchChannel[i];
  }

  public int touchCell(int i) {
    return touchCell[i];
  }

  /** True when at least one touch has a campaign cell. */
  public boolean hasCells() {
    for (int i = 0; i < touches; i++) {
      if (touchCell[i] != NO_CELL) {
        return true;
      }
    }
    return false;
  }

  public int conversionCustomer(int i) {
    return conversionCustomer[i];
  }

  public int conversionTick(int i) {
    return conversionTick[i];
  }

  public long conversionValue(int i) {
    return conversionValue[i];
  }
}
