package org.bidarena.openrtb.model;

/** OpenRTB 2.6 section 3.2.10, object Format. Field names and types follow the specification's table. */
public final class Format extends OpenRtbObject {
  public Integer w;
  public Integer h;
  public Integer wratio;
  public Integer hratio;
  public Integer wmin;
}
