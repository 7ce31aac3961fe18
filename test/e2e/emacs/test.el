;;; test.el --- Emacs 28 + eglot batch end-to-end test of the gongwen-lint language server  -*- lexical-binding: t -*-
;; Run: emacs -Q --batch -l test/e2e/emacs/test.el
;; Env: GONGWEN_SERVER (default dist/server.js), GONGWEN_E2E_TMP (scratch folder).
;; Emacs counts characters (code points) and eglot converts the server's UTF-16 columns, so the
;; astral 𠮷 (1 char, 2 UTF-16 units) before the commas checks that conversion end to end.
;; Prints "N passed, N failed"; exits 1 on any failure.

(require 'cl-lib)
;; -Q skips package activation: put Debian's elpa packages (eglot and what it needs) on the path.
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (when (file-directory-p dir) (add-to-list 'load-path dir)))
(require 'eglot)
(require 'flymake)

(defvar gw-passed 0)
(defvar gw-failed 0)
(defun gw-check (name ok expected saw)
  (if ok
      (progn (setq gw-passed (1+ gw-passed)) (princ (format "  ok   %s\n" name)))
    (setq gw-failed (1+ gw-failed))
    (princ (format "  FAIL %s\n       expected: %S\n       saw:      %S\n" name expected saw))))

(defun gw-wait (pred seconds)
  "Run the event loop until PRED returns non-nil or SECONDS pass; return PRED's value."
  (let ((deadline (+ (float-time) seconds)) v)
    (while (and (not (setq v (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    v))

(defun gw-comma-diags ()
  (sort (cl-remove-if-not
         (lambda (d) (string-match-p "\\[comma-width\\]" (flymake-diagnostic-text d)))
         eglot--diagnostics)
        (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))

(defun gw-main ()
  (let* ((root default-directory)
         (server (or (getenv "GONGWEN_SERVER") (expand-file-name "dist/server.js" root)))
         (tmp (file-name-as-directory (or (getenv "GONGWEN_E2E_TMP") (make-temp-file "gongwen-emacs-" t))))
         (file (expand-file-name "astral.txt" tmp))
         (text "𠮷𠮷中文测试，我们要坚持学习,深入调研,推动工作。\n")
         (eglot-sync-connect t)
         (eglot-autoshutdown nil)
         (inhibit-message t))
    (make-directory tmp t)
    (with-temp-file file (set-buffer-file-coding-system 'utf-8-unix) (insert text))
    (find-file file)
    (text-mode)
    (let* ((project (cons 'transient tmp))
           (server-obj (eglot '(text-mode) project 'eglot-lsp-server (list "node" server "--stdio") "plaintext")))
      (gw-check "eglot connected" (and server-obj (jsonrpc-running-p server-obj)) "a running server" server-obj)
      (gw-check "buffer is managed by eglot" eglot--managed-mode t eglot--managed-mode)
      (let ((diags (gw-wait (lambda () (gw-comma-diags)) 30)))
        (gw-check "comma-width diagnostics arrive" diags "diagnostics within 30 s" (length diags))
        (when diags
          ;; Expected character positions of the half-width commas, from the buffer itself.
          (let ((expected (save-excursion (goto-char (point-min))
                                          (cl-loop while (search-forward "," nil t) collect (1- (point)))))
                (saw (mapcar #'flymake-diagnostic-beg diags)))
            (gw-check "one diagnostic per half-width comma, at the comma (after 𠮷)" (equal expected saw) expected saw)
            (gw-check "each range covers exactly the comma"
                      (cl-every (lambda (d) (= (flymake-diagnostic-end d) (1+ (flymake-diagnostic-beg d)))) diags)
                      "end = beg + 1" (mapcar (lambda (d) (cons (flymake-diagnostic-beg d) (flymake-diagnostic-end d))) diags))
            (gw-check "the message is in Chinese"
                      (string-match-p "\\cC" (flymake-diagnostic-text (car diags)))
                      "Chinese text" (flymake-diagnostic-text (car diags)))
            ;; Quick fix through eglot's own code-action path (it sends the flymake diagnostics
            ;; under point as context); apply the preferred one with eglot's workspace-edit code.
            (let* ((beg (car expected))
                   (actions (eglot-code-actions beg (1+ beg) "quickfix"))
                   (preferred (cl-find-if (lambda (a) (eq (plist-get a :isPreferred) t)) actions)))
              (gw-check "a preferred quick fix is offered" (and preferred (plist-get preferred :edit))
                        "isPreferred action with an edit" (mapcar (lambda (a) (plist-get a :title)) actions))
              (when (and preferred (plist-get preferred :edit))
                (eglot--apply-workspace-edit (plist-get preferred :edit))
                ;; eglot sends didChange from an idle timer, and batch Emacs is never idle: send now.
                (eglot--signal-textDocument/didChange)
                (let ((line (buffer-substring-no-properties (point-min) (line-end-position 1)))
                      (want (concat (substring text 0 (- beg 1)) "，" (substring text beg (1- (length text))))))
                  (gw-check "the quick fix wrote ， at the comma after 𠮷" (equal line want) want line))
                (let ((left (gw-wait (lambda () (let ((d (gw-comma-diags)))
                                                   (and (= (length d) (1- (length expected))) d)))
                                     15)))
                  (gw-check "the server re-checks the edited text: one comma fewer"
                            left (1- (length expected)) (length (gw-comma-diags)))
                  (when left
                    (gw-check "the remaining comma is reported at its position"
                              (equal (mapcar #'flymake-diagnostic-beg left) (cdr expected))
                              (cdr expected) (mapcar #'flymake-diagnostic-beg left)))))))))
      (ignore-errors (eglot-shutdown server-obj))
      (set-buffer-modified-p nil))))

(condition-case err
    (gw-main)
  (error (gw-check "no Lisp error" nil "no error" err)))
(princ (format "%d passed, %d failed\n" gw-passed gw-failed))
(kill-emacs (if (and (= gw-failed 0) (> gw-passed 0)) 0 1))
