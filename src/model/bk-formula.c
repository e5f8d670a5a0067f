/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-formula.c — cell formulas, compiled once to a small stack bytecode
 *
 * Syntax (white space between tokens is ignored):
 *
 *   formula  = "=" expr
 *   expr     = term { ("+" | "-") term }
 *   term     = power { ("*" | "/") power }
 *   power    = postfix { "^" postfix }          left-associative
 *   postfix  = unary { "%" }
 *   unary    = { "+" | "-" } primary
 *   primary  = number | "prev" | "base" | "(" expr ")"
 *   number   = digits ["." [digits]] [exponent] [suffix]  or  "." digits …
 *
 * Precedence follows spreadsheets (LibreOffice Calc and Excel), highest
 * first: unary minus, then %, then ^, then * and /, then + and -.  So
 * =-2^2 is 4, =2^3^2 is 64, =2^-1 is 0.5 and =2^50% is √2; write
 * =-(prev^2) for the negated square.
 *
 * Numbers use the C locale only: '.' is the decimal point and there is no
 * grouping, so ',' is never ambiguous.  A scale suffix K, M, B, bn or T (any
 * case, white space allowed before it), or 万, 亿, 万亿 (optionally with
 * 美元, money only), converts the number into the table's unit as in a
 * plain cell (=prev+5B in capex adds 5, =500B in tokens is 0.5, =prev+500亿
 * in capex adds 50); the share table takes none.  Inside a formula no number is implicitly a
 * percentage, even in the share table: =prev+2% there adds 0.02.
 * `prev` (any case) is the previous period's value of the same row, and
 * `base` (any case) the Base value of the same cell, which only a
 * scenario's override has (=base*1.3 follows the Base cell).  The
 * signs U+2212 −, U+00D7 × and U+00F7 ÷ are read as -, * and /.
 *
 * The normalised text is "=" followed by the tokens without white space:
 * operators in ASCII, `prev` and `base` in lower case, numbers and suffixes as typed,
 * except that a number with a Chinese scale is written as its exact value in
 * the table's unit ("=prev+500亿" is stored as "=prev+50" in capex).
 *
 * Limits: 1000 characters, 64 nested parentheses.  Positions in messages
 * count characters from 1 at the "=".
 *
 * Evaluation fails with BK_ERROR_FORMULA on division by zero, on any
 * intermediate or final result that is not finite, and when `prev` or
 * `base` is needed but not finite.  Constant subexpressions are folded at compile time unless
 * they would fail, so the failure still shows when evaluated.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bk-formula.h"
#include "bk-text.h"

#define MAX_CHARS     1000    /* the longest formula, in characters */
#define MAX_DEPTH     64      /* the deepest nesting of parentheses */
#define MAX_STACK     256     /* enough for MAX_DEPTH: 3 pending values a level */
#define MAX_EXPONENT  100000  /* typed exponents are clamped to this */

typedef enum
{
  OP_CONST,
  OP_PREV,
  OP_BASE,
  OP_NEG,
  OP_PERCENT,
  OP_ADD,
  OP_SUB,
  OP_MUL,
  OP_DIV,
  OP_POW,
} Op;

typedef struct
{
  Op     op;
  double value;  /* OP_CONST */
} Instr;

struct _BkFormula
{
  char     *text;
  Instr    *code;
  guint     n_code;
  gboolean  uses_prev;
  gboolean  uses_base;
};

typedef enum
{
  TOK_NUMBER,
  TOK_PREV,
  TOK_BASE,
  TOK_PLUS,
  TOK_MINUS,
  TOK_STAR,
  TOK_SLASH,
  TOK_CARET,
  TOK_PERCENT,
  TOK_LPAREN,
  TOK_RPAREN,
  TOK_END,
} TokenKind;

typedef struct
{
  TokenKind   kind;
  const char *start;     /* in the source */
  gsize       len;       /* as typed; for a number without its suffix */
  const char *suffix;    /* TOK_NUMBER: the scale suffix as typed, or NULL */
  gsize       suffix_len;
  char       *digits;    /* TOK_NUMBER: significant digits (owned) */
  int         exponent;  /* TOK_NUMBER: value = digits × 10^exponent */
} Token;

typedef struct
{
  const char *source;    /* stripped text, starting with '=' */
  BkTable     table;
  GArray     *tokens;
  guint       next;
  GArray     *code;
  int         sp;
  int         max_sp;
  guint       depth;
  gboolean    uses_prev;
  gboolean    uses_base;
} Compiler;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static double
digits_to_double (const char *digits,
                  int         exponent)
{
  g_autofree char *s = g_strdup_printf ("%se%d", digits, exponent);

  return g_ascii_strtod (s, NULL);
}

/* A number with a Chinese scale ("500亿") in the normalised text: exactly
 * its value in the table's unit, without a suffix ("50" in capex), so the
 * stored formula keeps the ASCII syntax every reader of a document (the
 * XLSX export, other tools) knows. */
static void
append_in_unit (GString     *text,
                const Token *token)
{
  const char *digits = token->digits;
  int exponent = token->exponent;
  int n, point;

  while (digits[0] == '0' && digits[1] != '\0')
    digits++;
  n = (int) strlen (digits);
  while (n > 1 && digits[n - 1] == '0' && exponent < 0)
    {
      n--;
      exponent++;
    }
  if (n == 1 && digits[0] == '0')
    exponent = 0;

  point = n + exponent;
  if (exponent >= 0 && point <= 21)
    {
      g_string_append_len (text, digits, n);
      for (int i = 0; i < exponent; i++)
        g_string_append_c (text, '0');
    }
  else if (exponent < 0 && point > 0)
    {
      g_string_append_len (text, digits, point);
      g_string_append_c (text, '.');
      g_string_append_len (text, digits + point, n - point);
    }
  else if (exponent < 0 && point > -6)
    {
      g_string_append (text, "0.");
      for (int i = point; i < 0; i++)
        g_string_append_c (text, '0');
      g_string_append_len (text, digits, n);
    }
  else
    {
      g_string_append_len (text, digits, n);
      g_string_append_printf (text, "e%d", exponent);
    }
}

static void
token_clear (gpointer data)
{
  Token *token = data;

  g_clear_pointer (&token->digits, g_free);
}

static glong
position_of (const Compiler *c,
             const char     *p)
{
  return g_utf8_pointer_to_offset (c->source, p) + 1;
}

/* The operation both the folding and the evaluation use. */
static inline double
apply_binary (Op     op,
              double a,
              double b)
{
  switch (op)
    {
    case OP_ADD: return a + b;
    case OP_SUB: return a - b;
    case OP_MUL: return a * b;
    case OP_DIV: return a / b;
    case OP_POW: return pow (a, b);
    case OP_CONST:
    case OP_PREV:
    case OP_BASE:
    case OP_NEG:
    case OP_PERCENT:
    default:
      g_assert_not_reached ();
    }
}

/* ---------------------------------------------------------------------- */
/* Tokens                                                                  */

static gboolean
lex_number (Compiler    *c,
            const char **pp,
            Token       *token,
            GError     **error)
{
  const char *p = *pp;
  const char *suffix;
  /* never grown: see bk_formula_compile() */
  GString *digits = g_string_sized_new (strlen (p) + 1);
  int n_int, n_frac = 0;
  int exponent = 0;
  int power = 0;
  gboolean money = FALSE;
  gsize suffix_len;

  n_int = bk_text_count_digits (p);
  g_string_append_len (digits, p, n_int);
  p += n_int;

  if (*p == '.')
    {
      n_frac = bk_text_count_digits (p + 1);
      g_string_append_len (digits, p + 1, n_frac);
      p += 1 + n_frac;
    }

  if ((*p == 'e' || *p == 'E')
      && (g_ascii_isdigit (p[1])
          || ((p[1] == '+' || p[1] == '-') && g_ascii_isdigit (p[2]))))
    {
      gboolean negative = p[1] == '-';

      p += g_ascii_isdigit (p[1]) ? 1 : 2;
      for (; g_ascii_isdigit (*p); p++)
        if (exponent < MAX_EXPONENT)
          exponent = exponent * 10 + (*p - '0');
      if (negative)
        exponent = -exponent;
    }

  token->kind = TOK_NUMBER;
  token->len = (gsize) (p - token->start);
  token->exponent = exponent - n_frac;
  token->digits = g_string_free (digits, FALSE);

  suffix = bk_text_skip_blank (p);
  suffix_len = bk_text_match_suffix (suffix, &power, &money);
  if (suffix_len > 0)
    {
      if (c->table == BK_TABLE_SHARE)
        {
          g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                               _("A share takes no K, M, B or T suffix; write percentages with %, like =prev+2%"));
          return FALSE;
        }
      if (money && c->table == BK_TABLE_TOKENS)
        {
          g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                               _("Tokens are not money; type trillion tokens per day without a currency sign, like 2.5 or 500B"));
          return FALSE;
        }

      token->exponent += power - bk_table_get_unit_power (c->table);
      token->suffix = suffix;
      token->suffix_len = suffix_len;
      p = suffix + suffix_len;
    }

  if (isinf (digits_to_double (token->digits, token->exponent)))
    {
      g_autofree char *quoted = bk_text_quote (token->start, p - token->start);

      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("The number “%s” in the formula is too large"), quoted);
      return FALSE;
    }

  *pp = p;
  return TRUE;
}

static gboolean
set_unexpected_char (Compiler   *c,
                     const char *p,
                     GError    **error)
{
  g_autofree char *quoted = bk_text_quote (p, g_utf8_next_char (p) - p);
  glong position = position_of (c, p);

  switch (*p)
    {
    case ',':
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("Unexpected “,” at position %ld in the formula; numbers in formulas use “.” as the decimal point and no thousands separators, like 1234.5"),
                   position);
      break;

    case '$':
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("Unexpected “$” at position %ld in the formula; write amounts without a currency sign, like =prev+5B"),
                   position);
      break;

    default:
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   /* Translators: "Unexpected “#” at position 5 …" */
                   _("Unexpected “%s” at position %ld in the formula; use numbers, prev, + - * / ^ %%, and parentheses"),
                   quoted, position);
      break;
    }

  return FALSE;
}

/* Splits the source after its '=' into c->tokens and writes the normalised
 * text into @text. */
static gboolean
tokenize (Compiler  *c,
          GString   *text,
          GError   **error)
{
  const char *p = c->source + 1;

  g_string_assign (text, "=");

  for (;;)
    {
      Token token = { 0 };
      gunichar ch;

      p = bk_text_skip_blank (p);
      token.start = p;
      ch = g_utf8_get_char (p);

      if (ch == 0)
        {
          token.kind = TOK_END;
          g_array_append_val (c->tokens, token);
          return TRUE;
        }

      if (g_ascii_isdigit (*p) || (*p == '.' && g_ascii_isdigit (p[1])))
        {
          if (!lex_number (c, &p, &token, error))
            {
              token_clear (&token);
              return FALSE;
            }
          if (token.suffix != NULL && (guchar) token.suffix[0] >= 0x80)
            append_in_unit (text, &token);
          else
            {
              g_string_append_len (text, token.start, (gssize) token.len);
              if (token.suffix != NULL)
                g_string_append_len (text, token.suffix, (gssize) token.suffix_len);
            }
          g_array_append_val (c->tokens, token);
          continue;
        }

      if (g_ascii_isalpha (*p) || *p == '_')
        {
          while (is_name_char (*p))
            p++;
          token.len = (gsize) (p - token.start);

          if (token.len == 4 && g_ascii_strncasecmp (token.start, "prev", 4) == 0)
            token.kind = TOK_PREV;
          else if (token.len == 4 && g_ascii_strncasecmp (token.start, "base", 4) == 0)
            token.kind = TOK_BASE;
          else
            {
              g_autofree char *quoted = bk_text_quote (token.start, token.len);

              g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("Unknown name “%s” in the formula; only prev and base are allowed"),
                           quoted);
              return FALSE;
            }

          g_string_append (text, token.kind == TOK_PREV ? "prev" : "base");
          g_array_append_val (c->tokens, token);
          continue;
        }

      switch (ch)
        {
        case '+':    token.kind = TOK_PLUS;    break;
        case '-':
        case 0x2212: token.kind = TOK_MINUS;   break;
        case '*':
        case 0x00D7: token.kind = TOK_STAR;    break;
        case '/':
        case 0x00F7: token.kind = TOK_SLASH;   break;
        case '^':    token.kind = TOK_CARET;   break;
        case '%':    token.kind = TOK_PERCENT; break;
        case '(':    token.kind = TOK_LPAREN;  break;
        case ')':    token.kind = TOK_RPAREN;  break;
        default:
          return set_unexpected_char (c, p, error);
        }

      {
        static const char canonical[] = "0pb+-*/^%()";

        g_string_append_c (text, canonical[token.kind]);
      }

      p = g_utf8_next_char (p);
      token.len = (gsize) (p - token.start);
      g_array_append_val (c->tokens, token);
    }
}

/* ---------------------------------------------------------------------- */
/* Parser and code generation                                              */

static const Token *
peek (const Compiler *c)
{
  return &g_array_index (c->tokens, Token, c->next);
}

static const Token *
take (Compiler *c)
{
  const Token *token = peek (c);

  if (token->kind != TOK_END)
    c->next++;

  return token;
}

static void
emit_push (Compiler *c,
           Op        op,
           double    value)
{
  Instr instr = { op, value };

  g_array_append_val (c->code, instr);
  c->sp++;
  c->max_sp = MAX (c->max_sp, c->sp);
}

static void
emit_unary (Compiler *c,
            Op        op)
{
  Instr instr = { op, 0 };
  Instr *last;

  g_assert (c->code->len >= 1);
  last = &g_array_index (c->code, Instr, c->code->len - 1);

  /* A constant operand is folded; negation and /100 stay finite. */
  if (last->op == OP_CONST)
    {
      last->value = op == OP_NEG ? -last->value : last->value / 100.0;
      return;
    }

  g_array_append_val (c->code, instr);
}

static void
emit_binary (Compiler *c,
             Op        op)
{
  guint n = c->code->len;
  Instr instr = { op, 0 };

  g_assert (n >= 2);
  c->sp--;

  /* Code is in postfix order, so a right operand that is one constant
   * preceded by a constant means both operands are constants. */
  {
    Instr *a = &g_array_index (c->code, Instr, n - 2);
    Instr *b = &g_array_index (c->code, Instr, n - 1);

    if (a->op == OP_CONST && b->op == OP_CONST && !(op == OP_DIV && b->value == 0))
      {
        double value = apply_binary (op, a->value, b->value);

        if (isfinite (value))
          {
            a->value = value;
            g_array_set_size (c->code, n - 1);
            return;
          }
      }
  }

  g_array_append_val (c->code, instr);
}

static gboolean
set_expected_operand (Compiler    *c,
                      const Token *token,
                      GError     **error)
{
  if (token->kind == TOK_END)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("The formula ends too early; expected a number, prev or “(” at the end"));
    }
  else
    {
      g_autofree char *quoted = bk_text_quote (token->start, token->len);

      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("Unexpected “%s” at position %ld in the formula; expected a number, prev or “(”"),
                   quoted, position_of (c, token->start));
    }

  return FALSE;
}

static gboolean parse_expr (Compiler  *c,
                            GError   **error);

static gboolean
parse_primary (Compiler  *c,
               GError   **error)
{
  const Token *token = take (c);

  switch (token->kind)
    {
    case TOK_NUMBER:
      {
        int percents = 0;

        /* "5%" is folded in decimal: 0.05 exactly as typed, not 5 / 100.
         * Only negation lies between a number and its '%', and it
         * commutes with the division. */
        while (peek (c)->kind == TOK_PERCENT)
          {
            take (c);
            percents++;
          }

        emit_push (c, OP_CONST,
                   digits_to_double (token->digits,
                                     token->exponent - 2 * MIN (percents, MAX_EXPONENT)));
        return TRUE;
      }

    case TOK_PREV:
      c->uses_prev = TRUE;
      emit_push (c, OP_PREV, 0);
      return TRUE;

    case TOK_BASE:
      c->uses_base = TRUE;
      emit_push (c, OP_BASE, 0);
      return TRUE;

    case TOK_LPAREN:
      if (++c->depth > MAX_DEPTH)
        {
          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                       _("The formula nests parentheses more than %d deep; simplify it"),
                       MAX_DEPTH);
          return FALSE;
        }

      if (!parse_expr (c, error))
        return FALSE;

      {
        const Token *close = take (c);

        if (close->kind == TOK_END)
          {
            g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                         _("Missing “)” in the formula; the “(” at position %ld is never closed"),
                         position_of (c, token->start));
            return FALSE;
          }

        if (close->kind != TOK_RPAREN)
          {
            g_autofree char *quoted = bk_text_quote (close->start, close->len);

            g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                         _("Unexpected “%s” at position %ld in the formula; expected an operator like + or *, or “)”"),
                         quoted, position_of (c, close->start));
            return FALSE;
          }
      }

      c->depth--;
      return TRUE;

    case TOK_PLUS:
    case TOK_MINUS:
    case TOK_STAR:
    case TOK_SLASH:
    case TOK_CARET:
    case TOK_PERCENT:
    case TOK_RPAREN:
    case TOK_END:
    default:
      return set_expected_operand (c, token, error);
    }
}

static gboolean
parse_unary (Compiler  *c,
             GError   **error)
{
  gboolean negate = FALSE;

  /* A run of signs is read in a loop, not by recursion. */
  for (;;)
    {
      TokenKind kind = peek (c)->kind;

      if (kind == TOK_MINUS)
        negate = !negate;
      else if (kind != TOK_PLUS)
        break;
      take (c);
    }

  if (!parse_primary (c, error))
    return FALSE;

  if (negate)
    emit_unary (c, OP_NEG);

  return TRUE;
}

static gboolean
parse_postfix (Compiler  *c,
               GError   **error)
{
  if (!parse_unary (c, error))
    return FALSE;

  while (peek (c)->kind == TOK_PERCENT)
    {
      take (c);
      emit_unary (c, OP_PERCENT);
    }

  return TRUE;
}

static gboolean
parse_power (Compiler  *c,
             GError   **error)
{
  if (!parse_postfix (c, error))
    return FALSE;

  while (peek (c)->kind == TOK_CARET)
    {
      take (c);
      if (!parse_postfix (c, error))
        return FALSE;
      emit_binary (c, OP_POW);
    }

  return TRUE;
}

static gboolean
parse_term (Compiler  *c,
            GError   **error)
{
  if (!parse_power (c, error))
    return FALSE;

  for (;;)
    {
      TokenKind kind = peek (c)->kind;

      if (kind != TOK_STAR && kind != TOK_SLASH)
        return TRUE;

      take (c);
      if (!parse_power (c, error))
        return FALSE;
      emit_binary (c, kind == TOK_STAR ? OP_MUL : OP_DIV);
    }
}

static gboolean
parse_expr (Compiler  *c,
            GError   **error)
{
  if (!parse_term (c, error))
    return FALSE;

  for (;;)
    {
      TokenKind kind = peek (c)->kind;

      if (kind != TOK_PLUS && kind != TOK_MINUS)
        return TRUE;

      take (c);
      if (!parse_term (c, error))
        return FALSE;
      emit_binary (c, kind == TOK_PLUS ? OP_ADD : OP_SUB);
    }
}

static gboolean
parse_formula (Compiler  *c,
               GError   **error)
{
  const Token *token;

  if (peek (c)->kind == TOK_END)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("The formula is empty; type an expression after “=”, like =prev*1.1"));
      return FALSE;
    }

  if (!parse_expr (c, error))
    return FALSE;

  token = peek (c);
  if (token->kind == TOK_END)
    return TRUE;

  if (token->kind == TOK_RPAREN)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("Unexpected “)” at position %ld in the formula; there is no “(” to close"),
                   position_of (c, token->start));
    }
  else
    {
      g_autofree char *quoted = bk_text_quote (token->start, token->len);

      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("Unexpected “%s” at position %ld in the formula; expected an operator like + or *, or the end"),
                   quoted, position_of (c, token->start));
    }

  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                              */

BkFormula *
bk_formula_compile (const char  *text,
                    BkTable      table,
                    GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GString) normalised = NULL;
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) code = NULL;
  Compiler c = { 0 };
  BkFormula *formula;
  glong n_chars;
  gsize n_bytes;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (table < BK_N_TABLES, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("The formula is not valid UTF-8; type a formula like =prev*1.1"));
      return NULL;
    }

  stripped = bk_text_strip_blank (text);

  n_chars = g_utf8_strlen (stripped, -1);
  if (n_chars > MAX_CHARS)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("The formula is too long (%ld characters); type at most %d characters"),
                   n_chars, MAX_CHARS);
      return NULL;
    }

  if (stripped[0] != '=')
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("A formula starts with “=”, like =prev*1.1"));
      return NULL;
    }

  /* Sized once for the longest result: a token per character at most, an
   * instruction per token.  Growing small blocks one append at a time is
   * what a loaded document's thousands of formulas would do otherwise, and
   * glibc's realloc next to a large free block (the rows just written)
   * splits that block again on every append; with MALLOC_PERTURB_ it also
   * fills it, which made loading 100,000 formulas take minutes. */
  n_bytes = strlen (stripped);
  tokens = g_array_sized_new (FALSE, TRUE, sizeof (Token), (guint) n_bytes + 1);
  g_array_set_clear_func (tokens, token_clear);
  code = g_array_sized_new (FALSE, TRUE, sizeof (Instr), (guint) n_bytes + 1);
  normalised = g_string_sized_new (2 * n_bytes + 16);

  c.source = stripped;
  c.table = table;
  c.tokens = tokens;
  c.code = code;

  if (!tokenize (&c, normalised, error) || !parse_formula (&c, error))
    return NULL;

  g_assert (c.sp == 1);

  /* 3 pending operands per level of parentheses (one each of +, * and ^)
   * cannot overflow the evaluation stack within MAX_DEPTH. */
  g_assert (c.max_sp <= MAX_STACK);

  formula = g_new0 (BkFormula, 1);
  /* exactly as long as they are */
  formula->text = g_strndup (normalised->str, normalised->len);
  formula->n_code = code->len;
  formula->code = g_memdup2 (code->data, code->len * sizeof (Instr));
  formula->uses_prev = c.uses_prev;
  formula->uses_base = c.uses_base;

  return formula;
}

gboolean
bk_formula_eval (const BkFormula  *formula,
                 double            prev,
                 double           *result,
                 GError          **error)
{
  return bk_formula_eval_with_base (formula, prev, NAN, result, error);
}

gboolean
bk_formula_eval_with_base (const BkFormula  *formula,
                           double            prev,
                           double            base,
                           double           *result,
                           GError          **error)
{
  double stack[MAX_STACK];
  guint sp = 0;

  g_return_val_if_fail (formula != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (formula->uses_prev && !isfinite (prev))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_FORMULA,
                   _("“%s” needs the previous period's value, which is missing"),
                   formula->text);
      return FALSE;
    }

  if (formula->uses_base && !isfinite (base))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_FORMULA,
                   _("“%s” names base, the Base value of the cell, which only a scenario has"),
                   formula->text);
      return FALSE;
    }

  for (guint i = 0; i < formula->n_code; i++)
    {
      const Instr *instr = &formula->code[i];
      double value;

      switch (instr->op)
        {
        case OP_CONST:
          stack[sp++] = instr->value;
          break;

        case OP_PREV:
          stack[sp++] = prev;
          break;

        case OP_BASE:
          stack[sp++] = base;
          break;

        case OP_NEG:
          stack[sp - 1] = -stack[sp - 1];
          break;

        case OP_PERCENT:
          stack[sp - 1] /= 100.0;
          break;

        case OP_DIV:
          if (G_UNLIKELY (stack[sp - 1] == 0))
            {
              g_set_error (error, BK_ERROR, BK_ERROR_FORMULA,
                           _("Division by zero in “%s”"), formula->text);
              return FALSE;
            }
          G_GNUC_FALLTHROUGH;
        case OP_ADD:
        case OP_SUB:
        case OP_MUL:
        case OP_POW:
        default:
          sp--;
          value = apply_binary (instr->op, stack[sp - 1], stack[sp]);
          if (G_UNLIKELY (!isfinite (value)))
            {
              if (instr->op == OP_POW && stack[sp - 1] == 0)
                g_set_error (error, BK_ERROR, BK_ERROR_FORMULA,
                             _("Division by zero in “%s”: 0 raised to a negative power"),
                             formula->text);
              else if (isnan (value))
                g_set_error (error, BK_ERROR, BK_ERROR_FORMULA,
                             _("“%s” has no value here: a power of a negative number must have a whole exponent"),
                             formula->text);
              else
                g_set_error (error, BK_ERROR, BK_ERROR_FORMULA,
                             _("“%s” gives a number too large to work with"),
                             formula->text);
              return FALSE;
            }
          stack[sp - 1] = value;
          break;
        }
    }

  g_assert (sp == 1);
  *result = stack[0] == 0 ? 0.0 : stack[0];
  return TRUE;
}

const char *
bk_formula_get_text (const BkFormula *formula)
{
  g_return_val_if_fail (formula != NULL, NULL);

  return formula->text;
}

gboolean
bk_formula_uses_prev (const BkFormula *formula)
{
  g_return_val_if_fail (formula != NULL, FALSE);

  return formula->uses_prev;
}

gboolean
bk_formula_uses_base (const BkFormula *formula)
{
  g_return_val_if_fail (formula != NULL, FALSE);

  return formula->uses_base;
}

gboolean
bk_formula_check_in_base (const BkFormula  *formula,
                          GError          **error)
{
  g_return_val_if_fail (formula != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!formula->uses_base)
    return TRUE;

  g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
               _("“%s” names base, the Base value of this cell, which only a scenario can use; in Base type a number or a formula with prev"),
               formula->text);
  return FALSE;
}

void
bk_formula_free (BkFormula *formula)
{
  if (formula == NULL)
    return;

  g_free (formula->text);
  g_free (formula->code);
  g_free (formula);
}
