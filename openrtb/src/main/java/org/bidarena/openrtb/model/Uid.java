package org.bidarena.openrtb.model;

/** OpenRTB 2.6 section 3.2.28, object Uid. Field names and types follow the specification's table. */
public final class Uid extends OpenRtbObject {
  public String id;
  public Integer atype;
}
