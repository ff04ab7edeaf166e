package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.20, object User. Field names and types follow the specification's table. */
public final class User extends OpenRtbObject {
  public String id;
  public String buyeruid;
  public Integer yob;
  public String gender;
  public String keywords;
  public List<String> kwarray;
  public String customdata;
  public Geo geo;
  public List<Data> data;
  public String consent;
  public List<Eid> eids;
}
