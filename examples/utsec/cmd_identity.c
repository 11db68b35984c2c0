/*
 * `utsec` identity commands (TS 24.109 §7, TS 33.222, RFC 4825, RFC 5025):
 * identity, ap-check, xcap-authorize and (with libexpat) pres-rules.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "utsec/gba.h"
#include "utsec/identity.h"

#ifndef UTSEC_WITH_EXPAT
#define UTSEC_WITH_EXPAT 1
#endif

/* Read all of stdin (at most cap octets); drop one trailing LF or CRLF. */
static int read_stdin(char *buf, size_t cap, size_t *len)
{
    size_t n = fread(buf, 1, cap, stdin);

    if (ferror(stdin))
        return cli_usage_error("cannot read stdin");
    if (n == cap && fgetc(stdin) != EOF)
        return cli_fail(UTSEC_ERR_TOO_LONG, "stdin");
    if (n > 0 && buf[n - 1] == '\n') {
        n--;
        if (n > 0 && buf[n - 1] == '\r')
            n--;
    }
    *len = n;
    return CLI_OK;
}

static int cmd_identity(const struct cli_args *a)
{
    static char buf[UTSEC_ID_MAX_HEADER + 1];
    utsec_id_view_t ids[UTSEC_ID_MAX_ITEMS];
    const char *h = cli_req(a, "header");
    size_t len = 0, n = 0, off = 0, k;
    int rc, intended;

    if (h == NULL)
        return CLI_USAGE;
    if (strcmp(h, "asserted") != 0 && strcmp(h, "intended") != 0)
        return cli_usage_error("identity: --header takes asserted or intended");
    intended = h[0] == 'i';
    if ((rc = read_stdin(buf, sizeof(buf), &len)) != CLI_OK)
        return rc;
    if (intended) {
        rc = utsec_id_intended_parse(buf, len, &ids[0], &off);
        n = 1;
    } else {
        rc = utsec_id_header_parse(buf, len, ids, UTSEC_ID_MAX_ITEMS, &n, &off);
    }
    if (rc != 0) {
        fprintf(stderr, "utsec: identity: %s (at offset %zu)\n",
                utsec_strerror(rc), off);
        return CLI_INVALID;
    }
    for (k = 0; k < n; k++)
        cli_out_str("identity", ids[k].ptr, ids[k].len);
    return CLI_OK;
}

static int cmd_ap_check(const struct cli_args *a)
{
    utsec_id_view_t allowed[UTSEC_ID_MAX_ITEMS];
    utsec_id_ap_config_t cfg;
    utsec_id_ue_headers_t req;
    utsec_id_ap_decision_t d;
    static char asserted[UTSEC_ID_MAX_HEADER + 1];
    const char *v, *pol;
    size_t n = 0;
    int i, rc;

    memset(&cfg, 0, sizeof(cfg));
    memset(&req, 0, sizeof(req));
    for (i = 0; i < a->n; i++) {
        if (strcmp(a->name[i], "allowed") != 0)
            continue;
        if (n == UTSEC_ID_MAX_ITEMS)
            return cli_usage_error("ap-check: at most %d --allowed",
                                   UTSEC_ID_MAX_ITEMS);
        allowed[n].ptr = a->val[i];
        allowed[n].len = strlen(a->val[i]);
        n++;
    }
    if (n == 0)
        return cli_usage_error("ap-check: missing --allowed");
    cfg.allowed = allowed;
    cfg.n_allowed = n;
    cfg.verify_intended = !cli_flag(a, "no-verify");
    pol = cli_opt(a, "policy");
    if (pol == NULL || strcmp(pol, "reject") == 0)
        cfg.ue_asserted = UTSEC_ID_UE_ASSERTED_REJECT;
    else if (strcmp(pol, "strip") == 0)
        cfg.ue_asserted = UTSEC_ID_UE_ASSERTED_STRIP;
    else
        return cli_usage_error("ap-check: --policy takes reject or strip");
    if ((v = cli_opt(a, "intended")) != NULL) {
        req.present |= UTSEC_ID_HDR_INTENDED;
        req.intended.ptr = v;
        req.intended.len = strlen(v);
    }
    if ((v = cli_opt(a, "ue-asserted")) != NULL) {
        req.present |= UTSEC_ID_HDR_ASSERTED;
        req.asserted.ptr = v;
        req.asserted.len = strlen(v);
    }
    rc = utsec_id_ap_decide(&cfg, &req, &d, asserted, sizeof(asserted));
    if (rc != 0)
        return cli_fail(rc, "ap-check: --allowed");
    if (!d.accept) {
        printf("decision: reject\n");
        fprintf(stderr, "utsec: ap-check: %d: %s\n", d.status,
                utsec_strerror(d.reason));
        return CLI_INVALID;
    }
    printf("decision: accept\n");
    cli_out_str("asserted", asserted, d.asserted_len);
    return CLI_OK;
}

/* The path of a request URI: an absolute http(s) URI loses its scheme and
 * authority; anything else is taken as the path. */
static const char *uri_path(const char *u)
{
    const char *p;

    if (strncmp(u, "http://", 7) == 0 || strncmp(u, "https://", 8) == 0) {
        p = strchr(u + (u[4] == 's' ? 8 : 7), '/');
        return p != NULL ? p : "";
    }
    return u;
}

static int cmd_xcap_authorize(const struct cli_args *a)
{
    utsec_id_view_t ids[UTSEC_ID_MAX_ITEMS];
    const char *as = cli_req(a, "asserted"), *uri, *method, *root, *path;
    size_t n;
    int rc;

    if (as == NULL || (uri = cli_req(a, "uri")) == NULL ||
        (method = cli_req(a, "method")) == NULL)
        return CLI_USAGE;
    root = cli_opt(a, "root");
    if (root == NULL)
        root = "";
    if ((rc = utsec_id_as_asserted(1, as, strlen(as), ids, UTSEC_ID_MAX_ITEMS,
                                   &n)) != 0)
        return cli_fail(rc, "xcap-authorize: --asserted");
    path = uri_path(uri);
    rc = utsec_id_xcap_authorize(ids, n, path, strlen(path), root, strlen(root),
                                 method, strlen(method));
    if (rc == 0) {
        printf("decision: allow\n");
        return CLI_OK;
    }
    if (rc == UTSEC_ERR_FORBIDDEN) {
        printf("decision: deny\n");
        return CLI_INVALID;
    }
    return cli_fail(rc, "xcap-authorize");
}

#if UTSEC_WITH_EXPAT
static int cmd_pres_rules(const struct cli_args *a)
{
    static char doc[65536 + 1], text[65536];
    static utsec_id_rule_t rules[256];
    static utsec_id_ident_t idents[1024];
    static utsec_id_validity_t validity[256];
    utsec_id_policy_t p;
    utsec_id_watcher_t w;
    utsec_id_sub_handling_t out;
    const char *file = cli_req(a, "rules"), *watcher, *t, *sphere;
    FILE *f;
    size_t len;
    int rc;

    if (file == NULL)
        return CLI_USAGE;
    memset(&w, 0, sizeof(w));
    watcher = cli_opt(a, "watcher");
    w.anonymous = cli_flag(a, "anonymous");
    if ((watcher == NULL) == !w.anonymous)
        return cli_usage_error("pres-rules: give --watcher URI or --anonymous");
    if (watcher != NULL) {
        w.identity.ptr = watcher;
        w.identity.len = strlen(watcher);
    }
    if ((sphere = cli_opt(a, "sphere")) != NULL) {
        w.sphere.ptr = sphere;
        w.sphere.len = strlen(sphere);
    }
    if ((t = cli_opt(a, "time")) != NULL) {
        if (utsec_gba_time_parse(t, strlen(t), &w.now) != 0)
            return cli_usage_error("pres-rules: --time takes an xs:dateTime "
                                   "with a zone");
    } else {
        w.now = utsec_time_now(NULL);
    }
    if ((f = fopen(file, "rb")) == NULL)
        return cli_usage_error("pres-rules: cannot open %s", file);
    len = fread(doc, 1, sizeof(doc), f);
    rc = ferror(f);
    fclose(f);
    if (rc)
        return cli_usage_error("pres-rules: cannot read %s", file);
    if (len == sizeof(doc))
        return cli_fail(UTSEC_ERR_TOO_LONG, "pres-rules");
    memset(&p, 0, sizeof(p));
    p.rules = rules;
    p.max_rules = sizeof(rules) / sizeof(rules[0]);
    p.idents = idents;
    p.max_idents = sizeof(idents) / sizeof(idents[0]);
    p.validity = validity;
    p.max_validity = sizeof(validity) / sizeof(validity[0]);
    p.text = text;
    p.text_size = sizeof(text);
    if ((rc = utsec_id_pres_rules_load(doc, len, NULL, &p, NULL)) != 0)
        return cli_fail(rc, "pres-rules");
    if ((rc = utsec_id_policy_evaluate(&p, &w, &out)) != 0)
        return cli_fail(rc, "pres-rules: --watcher");
    printf("sub-handling: %s\n", utsec_id_sub_handling_name(out));
    return CLI_OK;
}

static const char *const pres_rules_opts[] = {"rules", "watcher", "anonymous!",
                                              "sphere", "time", NULL};
#endif

static const char *const identity_opts[] = {"header", NULL};
static const char *const ap_check_opts[] = {"allowed", "intended", "ue-asserted",
                                            "policy", "no-verify!", NULL};
static const char *const xcap_opts[] = {"asserted", "uri", "method", "root", NULL};

const struct cli_cmd cli_identity_cmds[] = {
    {"identity", "--header asserted|intended  (header value on stdin)",
     "X-3GPP-*-Identity header value -> one 'identity:' line per identity",
     identity_opts, cmd_identity},
    {"ap-check",
     "--allowed URI [--allowed URI]... [--intended VALUE] [--ue-asserted VALUE] "
     "[--policy reject|strip] [--no-verify]",
     "Authentication Proxy decision -> decision:, asserted:", ap_check_opts,
     cmd_ap_check},
    {"xcap-authorize",
     "--asserted VALUE --uri URI --method METHOD [--root PATH]",
     "XCAP server authorization -> decision: allow|deny", xcap_opts,
     cmd_xcap_authorize},
#if UTSEC_WITH_EXPAT
    {"pres-rules",
     "--rules FILE (--watcher URI | --anonymous) [--sphere S] [--time DATETIME]",
     "presence authorization rules -> sub-handling:", pres_rules_opts,
     cmd_pres_rules},
#endif
    {NULL, NULL, NULL, NULL, NULL},
};
