package org.bidarena.openrtb.model;

/** OpenRTB 2.6 section 3.2.35, object DurFloors. Field names and types follow the specification's table. */
public final class DurFloors extends OpenRtbObject {
  public Integer mindur;
  public Integer maxdur;
  public Double bidfloor;
}
