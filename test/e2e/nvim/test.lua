-- Neovim 0.7.2 headless end-to-end test of the gongwen-lint language server over stdio.
-- Run: nvim --headless -u NONE -i NONE -n -c "luafile test/e2e/nvim/test.lua"
-- Env: GONGWEN_SERVER (default dist/server.js), GONGWEN_E2E_TMP (scratch folder).
-- Neovim keeps byte columns and converts LSP (UTF-16) positions itself, so a diagnostic whose
-- UTF-16 offset is wrong (e.g. counted in code points or bytes) lands on the wrong byte here.
-- Prints "N passed, N failed" and exits non-zero on any mismatch.

local passed, failed = 0, 0
local function check(name, ok, expected, saw)
  if ok then
    passed = passed + 1
    io.stdout:write('  ok   ' .. name .. '\n')
  else
    failed = failed + 1
    io.stdout:write('  FAIL ' .. name .. '\n       expected: ' .. tostring(expected) .. '\n       saw:      ' .. tostring(saw) .. '\n')
  end
end
local function finish()
  io.stdout:write(string.format('%d passed, %d failed\n', passed, failed))
  io.stdout:flush()
  vim.cmd((failed == 0 and passed > 0) and 'qall!' or 'cquit! 1')
end

local ok_all, err = pcall(function()
  local root = vim.fn.getcwd()
  local server = os.getenv('GONGWEN_SERVER') or (root .. '/dist/server.js')
  local tmp = os.getenv('GONGWEN_E2E_TMP') or vim.fn.tempname()
  vim.fn.mkdir(tmp, 'p')
  local file = tmp .. '/astral.txt'
  -- Line 2 (0-based 1) holds astral 𠮷 (2 UTF-16 units, 4 bytes) and other CJK (1 unit, 3 bytes)
  -- before the half-width commas; line 3 has the comma after ASCII and CJK only.
  local lines = {
    '关于做好𠮷祥物设计工作的通知',
    '𠮷𠮷中文𠮷测试，我们要坚持学习,深入调研,推动工作。',
    'ABC中文测试,继续推进。',
  }
  vim.fn.writefile(lines, file)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'text'

  local raw = {}
  local client_id = vim.lsp.start_client({
    name = 'gongwen',
    cmd = { 'node', server, '--stdio' },
    root_dir = tmp,
    settings = { gongwen = { run = 'onType' } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
        raw[result.uri] = result.diagnostics
        return vim.lsp.handlers['textDocument/publishDiagnostics'](e, result, ctx, config)
      end,
    },
  })
  check('client started', client_id ~= nil, 'a client id', client_id)
  vim.lsp.buf_attach_client(bufnr, client_id)

  local uri = vim.uri_from_bufnr(bufnr)
  local got = vim.wait(30000, function()
    return raw[uri] ~= nil and #vim.diagnostic.get(bufnr) > 0
  end, 100)
  check('diagnostics arrive', got, 'diagnostics within 30 s', got and #vim.diagnostic.get(bufnr) or 'none')
  if not got then return end

  local client = vim.lsp.get_client_by_id(client_id)
  check('server uses UTF-16 offsets (no other encoding negotiated)', client.offset_encoding == 'utf-16', 'utf-16', client.offset_encoding)

  -- Expected byte columns of every half-width comma, computed from the buffer text.
  local commas = {}
  for lnum, l in ipairs(lines) do
    local from = 1
    while true do
      local i = l:find(',', from, true)
      if not i then break end
      table.insert(commas, { lnum = lnum - 1, col = i - 1 })
      from = i + 1
    end
  end
  local diags = vim.tbl_filter(function(d) return d.code == 'comma-width' or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == 'comma-width') end, vim.diagnostic.get(bufnr))
  table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  local function fmt(list)
    local s = {}
    for _, d in ipairs(list) do table.insert(s, string.format('%d:%d', d.lnum, d.col) .. (d.end_col and ('-' .. d.end_col) or '')) end
    return table.concat(s, ' ')
  end
  check('one comma-width diagnostic per half-width comma', #diags == #commas, fmt(commas), fmt(diags))
  for i, c in ipairs(commas) do
    local d = diags[i]
    local exp = string.format('%d:%d-%d', c.lnum, c.col, c.col + 1)
    local saw = d and string.format('%d:%d-%d', d.lnum, d.col, d.end_col or -1) or 'nothing'
    check('comma-width at byte position ' .. exp .. ' (after astral/CJK text)', exp == saw, exp, saw)
  end

  -- The raw LSP diagnostic of the first comma must be in UTF-16 units: 𠮷 counts 2.
  local first
  for _, d in ipairs(raw[uri]) do
    if d.code == 'comma-width' and (not first or d.range.start.line < first.range.start.line or (d.range.start.line == first.range.start.line and d.range.start.character < first.range.start.character)) then first = d end
  end
  local utf16 = vim.str_utfindex(lines[2], commas[1].col)
  local _, u16 = vim.str_utfindex(lines[2], commas[1].col)
  check('raw LSP range is UTF-16 (𠮷 = 2 units)', first and first.range.start.character == u16, u16 .. ' (code points: ' .. utf16 .. ')', first and first.range.start.character or 'none')

  -- Quick fix: ask for code actions at the first comma and apply the preferred one.
  local params = {
    textDocument = { uri = uri },
    range = first.range,
    context = { diagnostics = { first }, only = { 'quickfix' } },
  }
  local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  local actions = {}
  for _, r in pairs(res or {}) do
    for _, a in ipairs(r.result or {}) do table.insert(actions, a) end
  end
  local titles = {}
  for _, a in ipairs(actions) do table.insert(titles, a.title) end
  local preferred
  for _, a in ipairs(actions) do if a.isPreferred and a.edit then preferred = a break end end
  check('a preferred quick fix with an edit is offered', preferred ~= nil, 'isPreferred action with edit', table.concat(titles, ' | '))
  if not preferred then return end
  vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding)
  local after = vim.api.nvim_buf_get_lines(bufnr, 1, 2, false)[1]
  local want = lines[2]:sub(1, commas[1].col) .. '，' .. lines[2]:sub(commas[1].col + 2)
  check('quick fix turns the comma after 𠮷 text into ，', after == want, want, after)

  -- The server sees the edit (didChange): the fixed comma is no longer reported.
  local gone = vim.wait(15000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.lnum == 1 and d.col == commas[1].col then return false end
    end
    return true
  end, 100)
  check('the fixed comma is no longer reported after didChange', gone, 'no diagnostic at 1:' .. commas[1].col, fmt(vim.diagnostic.get(bufnr)))
  local left = 0
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do if d.lnum == 1 and d.col == commas[2].col + 2 then left = left + 1 end end
  check('the next comma is still reported at its shifted byte column', left == 1, '1 diagnostic at 1:' .. (commas[2].col + 2), fmt(vim.diagnostic.get(bufnr)))

  vim.lsp.stop_client(client_id)
end)
if not ok_all then check('no Lua error', false, 'no error', err) end
finish()
