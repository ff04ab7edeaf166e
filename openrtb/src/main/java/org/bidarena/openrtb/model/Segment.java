package org.bidarena.openrtb.model;

/** OpenRTB 2.6 section 3.2.22, object Segment. Field names and types follow the specification's table. */
public final class Segment extends OpenRtbObject {
  public String id;
  public String name;
  public String value;
}
