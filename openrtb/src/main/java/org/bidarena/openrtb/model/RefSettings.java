package org.bidarena.openrtb.model;

/** OpenRTB 2.6 section 3.2.34, object RefSettings. Field names and types follow the specification's table. */
public final class RefSettings extends OpenRtbObject {
  public Integer reftype;
  public Integer minint;
}
