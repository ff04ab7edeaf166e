package org.bidarena.openrtb.model;

/** OpenRTB 2.6 section 3.2.31, object Qty. Field names and types follow the specification's table. */
public final class Qty extends OpenRtbObject {
  public Double multiplier;
  public Integer sourcetype;
  public String vendor;
}
