package org.bidarena.openrtb.model;

/** OpenRTB 2.6 section 3.2.24, object Channel. Field names and types follow the specification's table. */
public final class Channel extends OpenRtbObject {
  public String id;
  public String name;
  public String domain;
}
