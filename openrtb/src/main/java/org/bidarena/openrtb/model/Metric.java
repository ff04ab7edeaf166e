package org.bidarena.openrtb.model;

/** OpenRTB 2.6 section 3.2.5, object Metric. Field names and types follow the specification's table. */
public final class Metric extends OpenRtbObject {
  public String type;
  public Double value;
  public String vendor;
}
