/*
 * presence-server: request handling. Who is asking (TS 33.222 §4.4: the
 * asserted identity, believed only from the AP), the XCAP document store
 * (RFC 4825 §7: PUT/GET/DELETE of whole pres-rules documents) and the
 * watcher authorisation query (RFC 5025 §3.2.1 sub-handling).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ps.h"
#include "utsec/common.h"
#include "ex_text.h"

#ifndef UTSEC_WITH_EXPAT
#define UTSEC_WITH_EXPAT 1
#endif

#define WATCHER_PATH "/watcher-authorization"
#define XCAP_ERR_MIME "application/xcap-error+xml"

/* ------------------------------------------------------------ output */

/* One decision line of the transcript: "ps: ..." (flushed). */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
    va_list ap;

    fputs("ps: ", stdout);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    fputc('\n', stdout);
    fflush(stdout);
}

const char *ps_printable(const char *p, size_t n, char *buf, size_t size)
{
    size_t i;

    if (n >= size)
        n = size - 1;
    for (i = 0; i < n; i++) {
        buf[i] = p[i];
        if (p[i] < 0x20 || p[i] >= 0x7f)
            buf[i] = '?';
    }
    buf[n] = '\0';
    return buf;
}

static void reply(ps_reply_t *r, int code, const char *reason, const char *ctype,
                  const char *body, size_t len)
{
    ex_http_out_status(&r->out, code, reason != NULL ? reason : ex_http_reason(code));
    if (ctype != NULL)
        ex_http_out_header(&r->out, "Content-Type", "%s", ctype);
    r->body = body;
    r->body_len = len;
}

/* A refusal with a one-line text/plain body naming the reason. */
static void refuse(ps_reply_t *r, int code, const char *text)
{
    reply(r, code, NULL, "text/plain", text, strlen(text));
}

/* RFC 4825 §11: 409 with an XCAP error document. */
static void conflict(ps_reply_t *r, const char *element)
{
    static const char *const docs[] = {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<xcap-error xmlns=\"urn:ietf:params:xml:ns:xcap-error\">"
        "<schema-validation-error/></xcap-error>\n",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<xcap-error xmlns=\"urn:ietf:params:xml:ns:xcap-error\">"
        "<constraint-failure phrase=\"document exceeds the server's limits\"/>"
        "</xcap-error>\n",
    };
    const char *d = docs[strcmp(element, "schema-validation-error") == 0 ? 0 : 1];

    reply(r, 409, NULL, XCAP_ERR_MIME, d, strlen(d));
}

/* ------------------------------------------------------------ policy */

int ps_can_load(void)
{
    return UTSEC_WITH_EXPAT;
}

/* Load a pres-rules document into the store's scratch policy (the loader
 * validates it: RFC 4745 ruleset, RFC 5025 actions, no DTD). */
static int load(ps_store_t *st, const char *xml, size_t len)
{
#if UTSEC_WITH_EXPAT
    utsec_id_xml_limits_t lim = {PS_DOC_MAX, 16, 0};
    utsec_id_policy_t *p = &st->policy;

    memset(p, 0, sizeof(*p));
    p->rules = st->rules;
    p->max_rules = PS_MAX_RULES;
    p->idents = st->idents;
    p->max_idents = PS_MAX_IDENTS;
    p->validity = st->validity;
    p->max_validity = PS_MAX_VALIDITY;
    p->text = st->text;
    p->text_size = sizeof(st->text);
    return utsec_id_pres_rules_load(xml, len, &lim, p, NULL);
#else
    (void)st;
    (void)xml;
    (void)len;
    return UTSEC_ERR_UNSUPPORTED;
#endif
}

/* The stored document whose XUI is equivalent to (xui, len), or NULL. */
static ps_doc_t *find(ps_store_t *st, const char *xui, size_t len)
{
    size_t i;

    for (i = 0; i < PS_USERS; i++)
        if (st->doc[i].used &&
            utsec_id_uri_equal(st->doc[i].xui, st->doc[i].xui_len, xui, len) == 1)
            return &st->doc[i];
    return NULL;
}

/* ------------------------------------------------------------ XCAP */

/* Whether the Content-Type's media type (parameters ignored) is want. */
static int media_type_is(const char *value, const char *want)
{
    size_t n;

    if (value == NULL)
        return 0;
    n = strcspn(value, ";");
    while (n > 0 && (value[n - 1] == ' ' || value[n - 1] == '\t'))
        n--;
    return n == strlen(want) && strncasecmp(value, want, n) == 0;
}

static void xcap_put(ps_store_t *st, const ex_http_msg_t *m, const char *xui,
                     size_t xui_len, ps_doc_t *d, ps_reply_t *r)
{
    char pr[128];
    int rc, created = (d == NULL);
    size_t i;

    if (!media_type_is(ex_http_header(m, "Content-Type"), PS_MIME)) {
        say("415 PUT without Content-Type %s", PS_MIME);
        refuse(r, 415, "Content-Type must be " PS_MIME "\n");
        return;
    }
    if (m->body_len > PS_DOC_MAX) {
        say("413 document of %zu octets (limit %d)", m->body_len, PS_DOC_MAX);
        refuse(r, 413, "document too large\n");
        return;
    }
    /* RFC 4825 §7.2: the stored document must be valid for the AUID. */
    if ((rc = load(st, m->body, m->body_len)) != 0) {
        say("409 not a valid pres-rules document (%s)", utsec_strerror(rc));
        if (rc == UTSEC_ERR_PARSE || rc == UTSEC_ERR_BAD_TIME || rc == UTSEC_ERR_XML_DTD)
            conflict(r, "schema-validation-error");
        else
            conflict(r, "constraint-failure");
        return;
    }
    if (d == NULL) {
        for (i = 0; i < PS_USERS && st->doc[i].used; i++)
            ;
        if (i == PS_USERS) {
            say("507 document table full (%d users)", PS_USERS);
            refuse(r, 507, "no room for another user\n");
            return;
        }
        d = &st->doc[i];
        memcpy(d->xui, xui, xui_len);
        d->xui[xui_len] = '\0';
        d->xui_len = xui_len;
        d->used = 1;
        reply(r, 201, NULL, NULL, NULL, 0);
    } else {
        reply(r, 200, NULL, NULL, NULL, 0);
    }
    memcpy(d->body, m->body, m->body_len);
    d->len = m->body_len;
    d->version = ++st->next_version;
    ex_http_out_header(&r->out, "ETag", "\"ps-%lu\"", d->version);
    say("%d %s pres-rules of %s: %zu octets, %zu rules", created ? 201 : 200,
        created ? "created" : "replaced", ps_printable(xui, xui_len, pr, sizeof(pr)), d->len, st->policy.n_rules);
}

static void xcap(ps_store_t *st, const ex_http_msg_t *m, const utsec_id_view_t *ids,
                 size_t n_ids, ps_reply_t *r)
{
    utsec_id_xcap_uri_t x;
    char xui[UTSEC_ID_MAX_IDENTITY], pr[128];
    size_t xui_len, tlen = strlen(m->target);
    ps_doc_t *d;
    int rc;

    rc = utsec_id_xcap_parse(m->target, tlen, NULL, 0, &x, xui, sizeof(xui), &xui_len);
    if (rc != 0 || x.global || x.auid.len != strlen(PS_AUID) ||
        memcmp(x.auid.ptr, PS_AUID, x.auid.len) != 0 ||
        x.doc.len != strlen(PS_DOC_NAME) || memcmp(x.doc.ptr, PS_DOC_NAME, x.doc.len) != 0 ||
        x.node.len != 0) {
        say("404 %s is not a pres-rules document URI", ps_printable(m->target, tlen, pr, sizeof(pr)));
        refuse(r, 404, "not a pres-rules document (/pres-rules/users/<XUI>/index)\n");
        return;
    }
    /* RFC 4825 §5: the user tree belongs to its XUI alone. */
    rc = utsec_id_xcap_authorize(ids, n_ids, m->target, tlen, NULL, 0, m->method,
                                 strlen(m->method));
    if (rc != 0) {
        say("403 %s is not an asserted identity (%s)", ps_printable(xui, xui_len, pr, sizeof(pr)),
            utsec_strerror(rc));
        refuse(r, 403, "document of another user\n");
        return;
    }
    d = find(st, xui, xui_len);
    if (strcmp(m->method, "PUT") == 0) {
        xcap_put(st, m, xui, xui_len, d, r);
    } else if (strcmp(m->method, "GET") == 0 || strcmp(m->method, "DELETE") == 0) {
        if (d == NULL) {
            say("404 no pres-rules stored for %s", ps_printable(xui, xui_len, pr, sizeof(pr)));
            refuse(r, 404, "no document\n");
        } else if (m->method[0] == 'G') {
            say("200 pres-rules of %s: %zu octets", ps_printable(xui, xui_len, pr, sizeof(pr)),
                d->len);
            reply(r, 200, NULL, PS_MIME, d->body, d->len);
            ex_http_out_header(&r->out, "ETag", "\"ps-%lu\"", d->version);
        } else {
            say("200 deleted pres-rules of %s", ps_printable(xui, xui_len, pr, sizeof(pr)));
            memset(d, 0, sizeof(*d));
            reply(r, 200, NULL, NULL, NULL, 0);
        }
    } else {
        say("405 %s on an XCAP document", ps_printable(m->method, strlen(m->method), pr, sizeof(pr)));
        refuse(r, 405, "method not allowed\n");
        ex_http_out_header(&r->out, "Allow", "GET, PUT, DELETE");
    }
}

/* ------------------------------------------------- watcher authorisation */

static void watcher(ps_store_t *st, const ex_http_msg_t *m, const utsec_id_view_t *ids,
                    size_t n_ids, ps_reply_t *r)
{
    const char *q = strchr(m->target, '?');
    char uri[UTSEC_ID_MAX_IDENTITY + 1], pr[128], pp[128];
    utsec_id_watcher_t w;
    utsec_id_sub_handling_t sh;
    ps_doc_t *d = NULL;
    const char *qv = NULL;
    size_t qn = 0, len = 0, i;
    long dec_len;
    int rc;

    if (strcmp(m->method, "GET") != 0) {
        say("405 %s on watcher-authorization",
            ps_printable(m->method, strlen(m->method), pr, sizeof(pr)));
        refuse(r, 405, "method not allowed\n");
        ex_http_out_header(&r->out, "Allow", "GET");
        return;
    }
    /* RFC 3986 §2.1 percent-decoding; '+' stays '+', as tel: URIs need it */
    if (q == NULL || ex_query_param(q + 1, "watcher", &qv, &qn) != 0 ||
        (dec_len = ex_pct_decode(qv, qn, uri, sizeof(uri))) < 0) {
        say("400 watcher-authorization without a usable watcher= parameter");
        refuse(r, 400, "give ?watcher=<percent-encoded URI>\n");
        return;
    }
    len = (size_t)dec_len;
    /* The presentity is the asserted identity: the first one (in the AP's
     * order) that has a document. */
    for (i = 0; i < n_ids && d == NULL; i++)
        d = find(st, ids[i].ptr, ids[i].len);
    if (d == NULL) {
        say("404 no pres-rules stored for %s",
            ps_printable(ids[0].ptr, ids[0].len, pr, sizeof(pr)));
        refuse(r, 404, "no pres-rules document\n");
        return;
    }
    if ((rc = load(st, d->body, d->len)) != 0) { /* validated at PUT: cannot happen */
        say("500 stored document no longer loads (%s)", utsec_strerror(rc));
        refuse(r, 500, "internal error\n");
        return;
    }
    memset(&w, 0, sizeof(w));
    w.identity.ptr = uri;
    w.identity.len = len;
    w.now = utsec_time_now(NULL);
    if ((rc = utsec_id_policy_evaluate(&st->policy, &w, &sh)) != 0) {
        say("400 watcher %s: %s", ps_printable(uri, len, pr, sizeof(pr)), utsec_strerror(rc));
        refuse(r, 400, "malformed watcher URI\n");
        return;
    }
    say("watcher %s of %s -> %s", ps_printable(uri, len, pr, sizeof(pr)),
        ps_printable(d->xui, d->xui_len, pp, sizeof(pp)), utsec_id_sub_handling_name(sh));
    reply(r, 200, NULL, "text/plain", utsec_id_sub_handling_name(sh),
          strlen(utsec_id_sub_handling_name(sh)));
}

/* ------------------------------------------------------------ dispatch */

void ps_handle(ps_store_t *st, int peer_trusted, const ex_http_msg_t *m, ps_reply_t *r)
{
    utsec_id_ue_headers_t h;
    utsec_id_view_t ids[UTSEC_ID_MAX_ITEMS];
    size_t n_ids = 0, wl = strlen(WATCHER_PATH);
    int rc;

    memset(r, 0, sizeof(*r));
    /* One X-3GPP-Asserted-Identity field at most: a second one could
     * smuggle an identity past a proxy that only rewrote the first. */
    if ((rc = utsec_id_http_scan(m->head, m->head_len, &h)) != 0) {
        say("400 request head refused: %s", utsec_strerror(rc));
        refuse(r, 400, "malformed request head\n");
        return;
    }
    /* TS 33.222 §4.4: believe the header only from the AP (NDS hop). */
    rc = utsec_id_as_asserted(peer_trusted,
                              (h.present & UTSEC_ID_HDR_ASSERTED) ? h.asserted.ptr : NULL,
                              h.asserted.len, ids, UTSEC_ID_MAX_ITEMS, &n_ids);
    if (rc == UTSEC_ERR_UNTRUSTED_PEER) {
        if (h.present & UTSEC_ID_HDR_ASSERTED)
            say("403 asserted identity from untrusted peer");
        else
            say("403 no asserted identity (peer is not the AP)");
        refuse(r, 403, "identity not asserted by the authentication proxy\n");
        return;
    }
    if (rc == UTSEC_ERR_NOT_FOUND) {
        say("403 no asserted identity");
        refuse(r, 403, "no X-3GPP-Asserted-Identity\n");
        return;
    }
    if (rc != 0) {
        say("400 malformed X-3GPP-Asserted-Identity: %s", utsec_strerror(rc));
        refuse(r, 400, "malformed X-3GPP-Asserted-Identity\n");
        return;
    }
    if (strncmp(m->target, WATCHER_PATH, wl) == 0 &&
        (m->target[wl] == '\0' || m->target[wl] == '?'))
        watcher(st, m, ids, n_ids, r);
    else
        xcap(st, m, ids, n_ids, r);
}
