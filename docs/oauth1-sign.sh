# Sign OAuth 1.0a requests by hand, for curl (docs/oauth1-engine.md).
# Needs bash, openssl and base64. Load it into your shell:
#
#   source docs/oauth1-sign.sh
#
# The build checks it against the engine of common/ (WorkedExampleTest).

# Percent-encodes one value as RFC 5849 §3.6 says: letters, digits and
# - . _ ~ stay, every other byte becomes %XX (ASCII text only).
pct() {
  local s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case "$c" in
      [A-Za-z0-9._~-]) out+="$c" ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}

# sign METHOD URL CLIENT_SECRET TOKEN_SECRET [name=value ...]
#
# Signs a request with HMAC-SHA1 and sets two variables:
#   AUTH  the value of the Authorization header: OAuth oauth_consumer_key="...", ...
#   BASE  the signature base string (RFC 5849 §3.4.1)
# KEY must hold the client key. TS and NONCE, if set, replace the current
# time and a random nonce. URL has no query; every name=value given goes into
# the header beside the oauth_ parameters (as scribejava sends scope).
sign() {
  local method=$1 url=$2 secrets
  secrets="$(pct "$3")&$(pct "$4")"
  shift 4
  local p pairs=()
  for p in "oauth_consumer_key=$KEY" oauth_signature_method=HMAC-SHA1 \
           "oauth_timestamp=${TS:-$(date +%s)}" "oauth_nonce=${NONCE:-$RANDOM$RANDOM$RANDOM}" \
           oauth_version=1.0 "$@"; do
    pairs+=("$(pct "${p%%=*}")=$(pct "${p#*=}")")
  done
  # §3.4.1.3.2: sort by encoded name, then value; join with '&'.
  local normalized
  normalized=$(printf '%s\n' "${pairs[@]}" | LC_ALL=C sort -t= -k1,1 -k2,2 | paste -sd '&' -)
  # §3.4.1.1: METHOD & encoded URL & encoded parameters.
  BASE="$method&$(pct "$url")&$(pct "$normalized")"
  # §3.4.2: HMAC-SHA1 keyed with the two secrets, base64.
  local signature
  signature=$(printf '%s' "$BASE" | openssl dgst -sha1 -hmac "$secrets" -binary | base64)
  AUTH="OAuth"
  local sep=" "
  for p in "${pairs[@]}" "oauth_signature=$(pct "$signature")"; do
    AUTH+="$sep${p%%=*}=\"${p#*=}\""
    sep=", "
  done
}

# Prints a form-encoded answer (token or problem) one field a line, decoded:
#   curl -s ... | fields
fields() {
  local line
  tr '&' '\n' | while IFS= read -r line || [ -n "$line" ]; do
    line=${line//+/ }
    printf '%b\n' "${line//%/\\x}"
  done
}

# Prints the decoded value of one field of a form-encoded answer:
#   TOKEN=$(echo "$ANSWER" | field oauth_token)
field() {
  fields | sed -n "s/^$1=//p"
}
