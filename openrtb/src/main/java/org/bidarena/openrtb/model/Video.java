package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.7, object Video. Field names and types follow the specification's table. */
public final class Video extends OpenRtbObject {
  public List<String> mimes;
  public Integer minduration;
  public Integer maxduration;
  public Integer startdelay;
  public Integer maxseq;
  public Integer poddur;
  public List<Integer> protocols;
  public Integer protocol;
  public Integer w;
  public Integer h;
  public String podid;
  public Integer podseq;
  public List<Integer> rqddurs;
  public Integer placement;
  public Integer plcmt;
  public Integer linearity;
  public Integer skip;
  public Integer skipmin;
  public Integer skipafter;
  public Integer sequence;
  public Integer slotinpod;
  public Double mincpmpersec;
  public List<Integer> battr;
  public Integer maxextended;
  public Integer minbitrate;
  public Integer maxbitrate;
  public Integer boxingallowed;
  public List<Integer> playbackmethod;
  public Integer playbackend;
  public List<Integer> delivery;
  public Integer pos;
  public List<Banner> companionad;
  public List<Integer> api;
  public List<Integer> companiontype;
  public List<Integer> poddedupe;
  public List<DurFloors> durfloors;
}
