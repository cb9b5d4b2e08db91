package io.zmqstream.autoconfigure;

/**
 * The socket options that only some socket types have, under {@code zmq.streams.<name>.}: ROUTER's,
 * REQ's and XPUB's. Start-up refuses one set on a socket of another type.
 */
public class SocketTypeProperties {

    /**
     * Whether a ROUTER reports a message to an unknown peer as a send failure, and waits for a
     * peer whose queue is full, instead of dropping either silently; ROUTER only.
     */
    private Boolean routerMandatory;
    /**
     * Whether a peer that connects with a routing id already in use takes it over
     * (ZMQ_ROUTER_HANDOVER) instead of being ignored; ROUTER only.
     */
    private Boolean routerHandover;
    /**
     * Whether the socket sends an empty message to each peer it connects to (ZMQ_PROBE_ROUTER), so
     * that a ROUTER on the other side learns its routing id at once; ROUTER, DEALER and REQ only.
     */
    private Boolean probeRouter;
    /**
     * Whether a REQ may send its next request before the reply to the last (ZMQ_REQ_RELAXED); REQ
     * only. ZmqTemplate makes its REQ streams relaxed and correlating itself.
     */
    private Boolean reqRelaxed;
    /**
     * Whether a REQ matches replies to requests by an id it adds (ZMQ_REQ_CORRELATE), dropping a
     * stale reply; REQ only, with req-relaxed.
     */
    private Boolean reqCorrelate;
    /**
     * Whether an XPUB passes every subscription message up, repeated ones too (ZMQ_XPUB_VERBOSE);
     * XPUB only.
     */
    private Boolean xpubVerbose;
    /**
     * Whether an XPUB passes every subscription and unsubscription message up (ZMQ_XPUB_VERBOSER);
     * XPUB only.
     */
    private Boolean xpubVerboser;
    /**
     * Whether a PUB or XPUB refuses a message at a subscriber's high-water mark instead of dropping it
     * (ZMQ_XPUB_NODROP): the message then waits in the stream's send queue; PUB and XPUB only.
     */
    private Boolean xpubNodrop;
    /**
     * Whether an XPUB leaves subscribing to the application, which reads the subscription messages
     * and sets each with ZMQ_SUBSCRIBE (ZMQ_XPUB_MANUAL); XPUB only.
     */
    private Boolean xpubManual;

    public Boolean getRouterMandatory() {
        return this.routerMandatory;
    }

    public void setRouterMandatory(Boolean routerMandatory) {
        this.routerMandatory = routerMandatory;
    }

    public Boolean getRouterHandover() {
        return this.routerHandover;
    }

    public void setRouterHandover(Boolean routerHandover) {
        this.routerHandover = routerHandover;
    }

    public Boolean getProbeRouter() {
        return this.probeRouter;
    }

    public void setProbeRouter(Boolean probeRouter) {
        this.probeRouter = probeRouter;
    }

    public Boolean getReqRelaxed() {
        return this.reqRelaxed;
    }

    public void setReqRelaxed(Boolean reqRelaxed) {
        this.reqRelaxed = reqRelaxed;
    }

    public Boolean getReqCorrelate() {
        return this.reqCorrelate;
    }

    public void setReqCorrelate(Boolean reqCorrelate) {
        this.reqCorrelate = reqCorrelate;
    }

    public Boolean getXpubVerbose() {
        return this.xpubVerbose;
    }

    public void setXpubVerbose(Boolean xpubVerbose) {
        this.xpubVerbose = xpubVerbose;
    }

    public Boolean getXpubVerboser() {
        return this.xpubVerboser;
    }

    public void setXpubVerboser(Boolean xpubVerboser) {
        this.xpubVerboser = xpubVerboser;
    }

    public Boolean getXpubNodrop() {
        return this.xpubNodrop;
    }

    public void setXpubNodrop(Boolean xpubNodrop) {
        this.xpubNodrop = xpubNodrop;
    }

    public Boolean getXpubManual() {
        return this.xpubManual;
    }

    public void setXpubManual(Boolean xpubManual) {
        this.xpubManual = xpubManual;
    }
}
