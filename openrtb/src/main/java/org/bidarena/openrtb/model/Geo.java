package org.bidarena.openrtb.model;

/** OpenRTB 2.6 section 3.2.19, object Geo. Field names and types follow the specification's table. */
public final class Geo extends OpenRtbObject {
  public Double lat;
  public Double lon;
  public Integer type;
  public Integer accuracy;
  public Integer lastfix;
  public Integer ipservice;
  public String country;
  public String region;
  public String regionfips104;
  public String metro;
  public String city;
  public String zip;
  public Integer utcoffset;
}
