Attribute VB_Name = "SkmRpc"
' SkmRpc - use skm from Excel (Windows) through `skm rpc` (JSON-RPC 2.0, one line per message).
'
' Import: VBA editor (Alt+F11) > File > Import File... > SkmRpc.bas. Pure VBA: no references to
' tick (Scripting.Dictionary and WScript.Shell are created late-bound).
'
' One skm process is started on the first call and kept open until SkmStop (or Excel closes).
' Paste this into ThisWorkbook so that it is stopped when the workbook closes:
'
'     Private Sub Workbook_BeforeClose(Cancel As Boolean)
'         SkmRpc.SkmStop
'     End Sub
'
' (Should the user then cancel the close, nothing is lost: the next call starts skm again.)
'
' Calls:   Set r = SkmCall("ikm.compute", JsonObj("filter", JsonObj("year", 2025)))
'          MsgBox r("ikmDisplay") & " " & r("mutu")
' Results: JSON objects become Scripting.Dictionary, arrays Collection (1-based), numbers Double,
'          true/false Boolean, null Null, text String. Use Set for objects (IsObject tells).
' Errors:  a JSON-RPC error raises SKM_ERR_RPC with the server's Indonesian message as
'          Err.Description (show it to the user as it is); SkmLastErrorCode, SkmLastErrorDataCode
'          (e.g. "answer_out_of_range") and SkmLastErrorField (e.g. "answers.U3") say more.
'
' Limits of WScript.Shell.Exec, honestly:
' - Exec always shows a console window for skm while it runs; it cannot be hidden. Do not close
'   it (if it is closed anyway, the next call starts skm again).
' - StdOut.ReadLine blocks and there is no way to ask a pipe "is a line ready?" (AtEndOfStream
'   blocks too). The timeout is therefore a watchdog: before each call, a hidden
'   `cmd /c ping -n N 127.0.0.1 & if exist <marker> taskkill` is started (WScript.Shell.Run,
'   window hidden, not waited for). If the answer comes first, the marker file is deleted and the
'   watchdog does nothing when it wakes. If not, it kills skm; the blocked ReadLine then ends
'   with an end-of-file error, which SkmCall raises as SKM_ERR_TIMEOUT, and the next call starts
'   a fresh skm (a late answer can never be mistaken for the next one).
'   It covers: writing the request and waiting for its answer. It does not: Excel is frozen
'   ("Not Responding") while it waits, since VBA has one thread; the time is only accurate to
'   about a second; where cmd, ping or taskkill are blocked by policy there is no timeout at all;
'   a request killed by the watchdog may or may not have been stored (send a clientId: a retry
'   is then answered duplicate=true instead of being stored twice). Each call with a timeout
'   starts one short-lived hidden cmd; SkmTimeoutSeconds = -1 turns the watchdog off.
' - skm writes nothing to standard error during normal work; that pipe is never read.
Option Explicit

' ---- Settings (set them before the first call, e.g. in Workbook_Open) ----
Public SkmBinary As String          ' default "skm.exe" (found on PATH); e.g. "C:\skm\skm.exe"
Public SkmDatabase As String        ' default: skm.sqlite in the workbook's folder
Public SkmTimeoutSeconds As Long    ' 0 (not set): 60 seconds; negative: no watchdog

' ---- Details of the last JSON-RPC error ----
Public SkmLastErrorCode As Long     ' -32001 validation, -32002 not found, -32003 conflict, ...
Public SkmLastErrorDataCode As String
Public SkmLastErrorField As String

Public Const SKM_ERR_RPC As Long = vbObjectError + 1100      ' the server refused the request
Public Const SKM_ERR_TIMEOUT As Long = vbObjectError + 1101  ' no answer in time; skm was stopped
Public Const SKM_ERR_PROCESS As Long = vbObjectError + 1102  ' skm not found, or ended
Public Const SKM_ERR_JSON As Long = vbObjectError + 1103     ' an answer that is not JSON

Private mShell As Object
Private mExec As Object
Private mNextId As Long
Private mExchanges As Long  ' numbers the watchdog marker files: one per exchange, never reused
Private mJson As String   ' parser state
Private mPos As Long
Private mQuote As Long    ' the next quote at or after mPos (0: none left), found once per quote passed
Private mSlash As Long    ' the next backslash, likewise: parsing stays linear in the text's length

' =====================================================================================
' Calls
' =====================================================================================

' Sends one request and returns its result (Set r = ... when it is an object).
' The answer is taken only when it carries this call's id, or id null: then the server could not
' read the call's line (e.g. too long) and its error is this call's. No other answer can be
' waiting, since SkmNotify reads the possible answer to every notification.
Public Function SkmCall(ByVal method As String, Optional ByVal params As Object = Nothing) As Variant
    Dim id As Long, message As String, answer As Object, lines As Collection
    id = NextId()
    Set lines = Exchange(RequestLine(method, params, id), 0)
    message = lines(1)
    Set answer = ParseAnswer(message)
    If Not answer.Exists("id") Then KillWith SKM_ERR_PROCESS, "Jawaban skm tanpa id: " & Left$(message, 200)
    If IsNull(answer("id")) Then
        If answer.Exists("error") Then RaiseRpcError answer("error")
        KillWith SKM_ERR_PROCESS, "Jawaban skm tanpa id: " & Left$(message, 200)
    End If
    If answer("id") <> id Then KillWith SKM_ERR_PROCESS, "Jawaban skm tidak cocok dengan permintaan " & id
    If answer.Exists("error") Then RaiseRpcError answer("error")
    If IsObject(answer("result")) Then Set SkmCall = answer("result") Else SkmCall = answer("result")
End Function

' Sends a notification and waits until skm has run it. skm answers a notification nothing, not
' even an error met while running it; only one it cannot read at all (e.g. longer than its line
' limit) gets an error with id null. So a small request (sample.size) follows the notification,
' and every line up to that request's answer is read here: an error with id null among them is
' raised as SKM_ERR_RPC (the notification did not run) and never taken for a later call's answer.
Public Sub SkmNotify(ByVal method As String, Optional ByVal params As Object = Nothing)
    Dim syncId As Long, lines As Collection, answer As Object, i As Long
    syncId = NextId()
    Set lines = Exchange(RequestLine(method, params, 0) & vbLf & _
                         RequestLine("sample.size", JsonObj("population", 1), syncId), syncId)
    For i = 1 To lines.Count - 1
        Set answer = ParseAnswer(lines(i))
        If Not answer.Exists("error") Or Not answer.Exists("id") Then
            KillWith SKM_ERR_PROCESS, "Jawaban skm tak terduga untuk notifikasi: " & Left$(lines(i), 200)
        End If
        If Not IsNull(answer("id")) Then
            KillWith SKM_ERR_PROCESS, "Jawaban skm tak terduga untuk notifikasi: " & Left$(lines(i), 200)
        End If
    Next
    If lines.Count > 1 Then
        Set answer = ParseAnswer(lines(1))
        RaiseRpcError answer("error")
    End If
End Sub

' Closes skm's standard input (it then exits by itself) and waits up to 5 seconds.
Public Sub SkmStop()
    Dim started As Single
    If mExec Is Nothing Then Exit Sub
    On Error Resume Next
    mExec.StdIn.Close
    started = Timer
    Do While mExec.Status = 0 And Elapsed(started) < 5
        DoEvents
    Loop
    If mExec.Status = 0 Then mExec.Terminate
    Set mExec = Nothing
End Sub

' ---- Helpers for the common calls ----

' response.submit. answers: a Dictionary by unsur code (JsonObj("U1", 4, ...)) or a Collection or
' array in the form's question order; Empty/Null = not answered. Returns {id, duplicate}.
Public Function SkmSubmit(ByVal unit As String, ByVal service As String, ByVal answers As Variant, _
                          Optional ByVal dateValue As Variant, Optional ByVal clientId As String = "") As Object
    Dim p As Object
    Set p = JsonObj("unit", unit, "service", service, "answers", answers)
    If Not IsMissing(dateValue) Then p("date") = DateText(dateValue)
    If Len(clientId) > 0 Then p("clientId") = clientId
    Set SkmSubmit = SkmCall("response.submit", p)
End Function

' ikm.compute for one year (all units and services).
Public Function SkmIkmYear(ByVal yearNumber As Long) As Object
    Set SkmIkmYear = SkmCall("ikm.compute", JsonObj("filter", JsonObj("year", yearNumber)))
End Function

' ikm.score of a block of cells, read as SelectionAnswers does (a header of unsur names: by name;
' else columns = questions in the form's order; blank rows left out).
Public Function SkmScore(ByVal answers As Range) As Object
    Set SkmScore = SkmCall("ikm.score", JsonObj("answers", SelectionAnswers(answers.Value, New Collection)))
End Function

' =====================================================================================
' Example macros (Alt+F8)
' =====================================================================================

' Submits the row of the active cell. Row 1 holds column names as in `skm import`: date/tanggal,
' unit, service/layanan, U1...U9, time/jam, gender, education, occupation, age/usia,
' comment/saran, clientId, questionnaire. The outcome goes into the "status" column (made when
' missing). A row whose status already says Tersimpan/Sudah ada is not sent again.
Public Sub SkmKirimBarisTerpilih()
    Dim ws As Worksheet, r As Long, c As Long, lastCol As Long, statusCol As Long
    Dim p As Object, answers As Object, respondent As Object, field As String, v As Variant, result As Object
    Dim voided As Boolean, hasData As Boolean
    Set ws = ActiveSheet
    r = ActiveCell.Row
    If r < 2 Then MsgBox "Pilih sel di baris data (baris 1 berisi judul kolom).", vbExclamation, "skm": Exit Sub
    lastCol = ws.Cells(1, ws.Columns.Count).End(xlToLeft).Column
    Set p = CreateObject("Scripting.Dictionary")
    Set answers = CreateObject("Scripting.Dictionary")
    Set respondent = CreateObject("Scripting.Dictionary")
    For c = 1 To lastCol
        field = FieldOfHeader(CStr(ws.Cells(1, c).Value))
        v = ws.Cells(r, c).Value
        If field <> "status" And field <> "voided" And field <> "" And Not IsBlank(v) Then hasData = True
        If field = "status" Then
            statusCol = c
        ElseIf field = "voided" Then
            voided = IsTrue(v)
        ElseIf field = "" Then
            ' an ignored column (id, createdAt, ...)
        ElseIf field = "?" Then
            MsgBox "Kolom tidak dikenal: " & ws.Cells(1, c).Value, vbExclamation, "skm": Exit Sub
        ElseIf Left$(field, 1) = "U" Then
            If IsEmpty(v) Then answers(field) = Null Else answers(field) = v
        ElseIf IsEmpty(v) Then
            ' a blank optional field
        ElseIf field = "date" Then
            p(field) = DateText(v)
        ElseIf field = "time" Then
            p(field) = TimeText(v)
        ElseIf field = "age" Then
            respondent(field) = v
        ElseIf field = "gender" Or field = "education" Or field = "occupation" Then
            respondent(field) = CStr(v)
        Else
            p(field) = CStr(v)
        End If
    Next
    If Not hasData Then MsgBox "Baris " & r & " kosong: tidak ada yang dikirim.", vbExclamation, "skm": Exit Sub
    If statusCol = 0 Then statusCol = lastCol + 1: ws.Cells(1, statusCol).Value = "status"
    If ws.Cells(r, statusCol).Value Like "Tersimpan*" Or ws.Cells(r, statusCol).Value Like "Sudah ada*" Then
        MsgBox "Baris ini sudah tersimpan.", vbInformation, "skm": Exit Sub
    End If
    If voided Then   ' as the Calc macro: a voided response is never sent again
        ws.Cells(r, statusCol).Value = "Tidak dikirim: respons yang sudah dibatalkan (voided)."
        MsgBox ws.Cells(r, statusCol).Value, vbExclamation, "skm": Exit Sub
    End If
    Set p("answers") = answers
    If respondent.Count > 0 Then Set p("respondent") = respondent
    On Error GoTo Failed
    Set result = SkmCall("response.submit", p)
    On Error GoTo 0
    If result("duplicate") Then
        ws.Cells(r, statusCol).Value = "Sudah ada (id " & result("id") & ")"
    Else
        ws.Cells(r, statusCol).Value = "Tersimpan (id " & result("id") & ")"
    End If
    Exit Sub
Failed:
    ws.Cells(r, statusCol).Value = "Galat: " & Err.Description
    MsgBox Err.Description, vbExclamation, "skm"
End Sub

' Asks for a year and writes its IKM into the active cell, mutu and kinerja in the two cells right
' of it (or the reason why no IKM can be computed).
Public Sub SkmIkmTahunKeSel()
    Dim answer As String, result As Object, target As Range
    Set target = ActiveCell
    answer = InputBox("Hitung IKM tahun:", "skm", CStr(Year(Date)))
    If Len(answer) = 0 Then Exit Sub
    If Not IsNumeric(answer) Then MsgBox "Tahun harus angka, mis. 2025.", vbExclamation, "skm": Exit Sub
    On Error GoTo Failed
    Set result = SkmIkmYear(CLng(answer))
    If IsNull(result("ikm")) Then
        target.Value = result("reason")
    Else
        target.Value = result("ikmDisplay")
        target.Offset(0, 1).Value = result("mutu")
        target.Offset(0, 2).Value = result("kinerja")
    End If
    Exit Sub
Failed:
    MsgBox Err.Description, vbExclamation, "skm"
End Sub

' IKM of the selected answers, written two columns right of the selection. The selection is read
' as the Calc macro reads it (see SelectionAnswers); a refused answer is reported by sheet row.
Public Sub SkmIkmSeleksi()
    Dim result As Object, target As Range, rowNumbers As New Collection, answers As Collection
    If TypeName(Selection) <> "Range" Then Exit Sub
    Set target = Selection.Cells(1, 1).Offset(0, Selection.Columns.Count + 1)
    On Error GoTo Failed
    Set answers = SelectionAnswers(Selection.Value, rowNumbers)
    If answers.Count = 0 Then
        MsgBox "Seleksi tidak berisi jawaban: pilih baris responden (kolom = pertanyaan).", vbExclamation, "skm"
        Exit Sub
    End If
    Set result = SkmCall("ikm.score", JsonObj("answers", answers))
    target.Value = "IKM"
    If IsNull(result("ikm")) Then   ' e.g. an unsur nobody answered: say why
        target.Offset(0, 1).Value = result("reason")
        Exit Sub
    End If
    target.Offset(0, 1).Value = result("ikmDisplay")
    target.Offset(1, 0).Value = "Mutu": target.Offset(1, 1).Value = result("mutu")
    target.Offset(2, 0).Value = "Kinerja": target.Offset(2, 1).Value = result("kinerja")
    Exit Sub
Failed:
    If Err.Number = SKM_ERR_RPC Then
        MsgBox SheetRowMessage(Err.Description, SkmLastErrorField, rowNumbers, Selection.Row), vbExclamation, "skm"
    Else
        MsgBox Err.Description, vbExclamation, "skm"
    End If
End Sub

' =====================================================================================
' Selections (the same rules as the Calc macro's selection_answers)
' =====================================================================================

' A selection's values (Range.Value, 1-based) -> a Collection with one item per respondent.
' A first row of text is a header. When it names unsur (U1, U2, ... in any order, as an
' `skm export` sheet has them beside other columns), each respondent is a Dictionary by unsur
' code, the other columns are left out, and so is a row whose "voided" column says true. Without
' unsur names, each respondent is a Collection in the paper form's question order. Wholly blank
' rows are left out. rowsOut gets each respondent's row within the selection (1 = its first row).
Public Function SelectionAnswers(ByVal values As Variant, ByVal rowsOut As Collection) As Collection
    Dim result As New Collection, codes As Object, one(1 To 1, 1 To 1) As Variant, key As Variant
    Dim r As Long, c As Long, firstRow As Long, voidedCol As Long, code As String, blank As Boolean
    Dim byUnsur As Object, inOrder As Collection
    If Not IsArray(values) Then one(1, 1) = values: values = one   ' a one-cell selection
    Set codes = CreateObject("Scripting.Dictionary")              ' column -> unsur code
    firstRow = LBound(values, 1)
    If IsHeaderRow(values, firstRow) Then
        For c = LBound(values, 2) To UBound(values, 2)
            code = UnsurCode(values(firstRow, c))
            If Len(code) > 0 Then
                For Each key In codes.Keys
                    If codes(key) = code Then
                        Err.Raise SKM_ERR_JSON, "skm", "Kolom " & code & " muncul dua kali di baris judul seleksi."
                    End If
                Next
                codes.Add c, code
            ElseIf VarType(values(firstRow, c)) = vbString Then
                If LCase$(Trim$(values(firstRow, c))) = "voided" Then voidedCol = c
            End If
        Next
        firstRow = firstRow + 1
    End If
    For r = firstRow To UBound(values, 1)
        blank = True
        If codes.Count > 0 Then
            Set byUnsur = CreateObject("Scripting.Dictionary")
            For Each key In codes.Keys
                If Not IsBlank(values(r, key)) Then blank = False
                byUnsur(codes(key)) = AnswerValue(values(r, key))
            Next
            If voidedCol > 0 Then
                If IsTrue(values(r, voidedCol)) Then blank = True   ' a voided response is not counted
            End If
            If Not blank Then result.Add byUnsur: rowsOut.Add r - LBound(values, 1) + 1
        Else
            Set inOrder = New Collection
            For c = LBound(values, 2) To UBound(values, 2)
                If Not IsBlank(values(r, c)) Then blank = False
                inOrder.Add AnswerValue(values(r, c))
            Next
            If Not blank Then result.Add inOrder: rowsOut.Add r - LBound(values, 1) + 1
        End If
    Next
    Set SelectionAnswers = result
End Function

' The server's message about respondent answers[k] told by sheet row: "Responden ke-3: Jawaban
' ..." becomes "Baris 14: Jawaban ...". rowNumbers: SelectionAnswers' rowsOut; topRow: the
' selection's first sheet row.
Public Function SheetRowMessage(ByVal message As String, ByVal field As String, ByVal rowNumbers As Collection, _
                                ByVal topRow As Long) As String
    Dim k As Long, closing As Long, prefix As Long
    SheetRowMessage = message
    If Left$(field, 8) <> "answers[" Then Exit Function
    closing = InStr(9, field, "]")
    If closing < 10 Then Exit Function
    If Not IsNumeric(Mid$(field, 9, closing - 9)) Then Exit Function
    k = CLng(Mid$(field, 9, closing - 9)) + 1
    If k < 1 Or k > rowNumbers.Count Then Exit Function
    If Left$(message, 13) = "Responden ke-" Then
        prefix = InStr(14, message, ": ")
        If prefix > 0 Then message = Mid$(message, prefix + 2)
    End If
    SheetRowMessage = "Baris " & (topRow + rowNumbers(k) - 1) & ": " & message
End Function

' A first row of text (and not wholly blank) is a header.
Private Function IsHeaderRow(ByVal values As Variant, ByVal r As Long) As Boolean
    Dim c As Long, filled As Boolean
    For c = LBound(values, 2) To UBound(values, 2)
        If Not IsBlank(values(r, c)) Then
            filled = True
            If LooksNumeric(values(r, c)) Then Exit Function
        End If
    Next
    IsHeaderRow = filled
End Function

' "U3", "u3", " U03 " -> "U3"; anything else -> "".
Private Function UnsurCode(ByVal v As Variant) As String
    Dim s As String
    If VarType(v) <> vbString Then Exit Function
    s = Trim$(v)
    If s Like "[Uu]#" Or s Like "[Uu]##" Or s Like "[Uu]###" Then UnsurCode = "U" & CLng(Mid$(s, 2))
End Function

Private Function IsBlank(ByVal v As Variant) As Boolean
    If IsEmpty(v) Or IsNull(v) Then
        IsBlank = True
    ElseIf VarType(v) = vbString Then
        IsBlank = Len(Trim$(v)) = 0
    End If
End Function

Private Function LooksNumeric(ByVal v As Variant) As Boolean
    Select Case VarType(v)
    Case vbByte, vbInteger, vbLong, vbSingle, vbDouble, vbCurrency, vbDecimal, 20: LooksNumeric = True
    Case vbString: LooksNumeric = IsNumeric(Trim$(v)) Or IsNumeric(Replace(Trim$(v), ",", "."))
    End Select
End Function

' A cell as an answer: blank -> Null, text trimmed, numbers as they are (the server judges them).
Private Function AnswerValue(ByVal v As Variant) As Variant
    If IsBlank(v) Then
        AnswerValue = Null
    ElseIf VarType(v) = vbString Then
        AnswerValue = Trim$(v)
    Else
        AnswerValue = v
    End If
End Function

' A "voided" cell that says so: TRUE, 1, ya, yes, benar.
Private Function IsTrue(ByVal v As Variant) As Boolean
    If IsError(v) Or IsBlank(v) Then Exit Function
    Select Case LCase$(Trim$(CStr(v)))
    Case "true", "1", "1.0", "ya", "yes", "benar": IsTrue = True
    End Select
End Function

' =====================================================================================
' JSON
' =====================================================================================

' A Dictionary from name/value pairs: JsonObj("unit", "KEC", "year", 2025).
Public Function JsonObj(ParamArray pairs() As Variant) As Object
    Dim d As Object, i As Long
    Set d = CreateObject("Scripting.Dictionary")
    For i = LBound(pairs) To UBound(pairs) - 1 Step 2
        If IsObject(pairs(i + 1)) Then Set d(CStr(pairs(i))) = pairs(i + 1) Else d(CStr(pairs(i))) = pairs(i + 1)
    Next
    Set JsonObj = d
End Function

' JSON text of a value, ASCII only: every character above 127 is written as \uXXXX.
' Dictionary -> object; Collection, 1-D array -> array; 2-D array (Range.Value) -> array of rows;
' a one-cell Range -> its value; Empty/Null -> null; a date -> "2025-03-14" (or "09:30").
Public Function JsonEncode(ByVal value As Variant) As String
    If IsObject(value) Then
        If value Is Nothing Then
            JsonEncode = "null"
        ElseIf TypeName(value) = "Dictionary" Then
            JsonEncode = EncodeDictionary(value)
        ElseIf TypeName(value) = "Collection" Then
            JsonEncode = EncodeCollection(value)
        ElseIf TypeName(value) = "Range" Then
            JsonEncode = JsonEncode(value.Value)
        Else
            Err.Raise SKM_ERR_JSON, "skm", "Tidak dapat dijadikan JSON: " & TypeName(value)
        End If
        Exit Function
    End If
    If IsArray(value) Then JsonEncode = EncodeArray(value): Exit Function
    Select Case VarType(value)
    Case vbEmpty, vbNull: JsonEncode = "null"
    Case vbBoolean: JsonEncode = IIf(value, "true", "false")
    Case vbString: JsonEncode = JsonString(value)
    Case vbDate: JsonEncode = JsonString(DateText(value))
    Case vbByte, vbInteger, vbLong, vbSingle, vbDouble, vbCurrency, vbDecimal, 20 ' 20 = LongLong
        JsonEncode = NumberText(value)
    Case vbError: Err.Raise SKM_ERR_JSON, "skm", "Sel berisi galat (mis. #N/A); perbaiki dulu."
    Case Else: Err.Raise SKM_ERR_JSON, "skm", "Tidak dapat dijadikan JSON: " & TypeName(value)
    End Select
End Function

' A JSON string literal, ASCII only.
Public Function JsonString(ByVal s As String) As String
    Dim buf As String, n As Long, i As Long, code As Long, piece As String
    buf = Space$(Len(s) * 6 + 2)
    Mid$(buf, 1, 1) = """"
    n = 2
    For i = 1 To Len(s)
        code = AscW(Mid$(s, i, 1)) And &HFFFF&   ' AscW is negative above &H7FFF
        Select Case code
        Case 34: piece = "\"""
        Case 92: piece = "\\"
        Case 10: piece = "\n"
        Case 13: piece = "\r"
        Case 9: piece = "\t"
        Case 32 To 126: piece = ChrW$(code)
        Case Else: piece = "\u" & Right$("000" & Hex$(code), 4)  ' also each half of a surrogate pair
        End Select
        Mid$(buf, n, Len(piece)) = piece
        n = n + Len(piece)
    Next
    Mid$(buf, n, 1) = """"
    JsonString = Left$(buf, n)
End Function

' Parses JSON text (see the top of this module for what each JSON type becomes).
Public Function JsonParse(ByVal text As String) As Variant
    Dim v As Variant
    mJson = text
    mPos = 1
    mQuote = InStr(1, mJson, """")
    mSlash = InStr(1, mJson, "\")
    ParseValue v
    SkipSpace
    If mPos <= Len(mJson) Then JsonFail "teks berlebih"
    If IsObject(v) Then Set JsonParse = v Else JsonParse = v
End Function

' =====================================================================================
' Private: the process
' =====================================================================================

Private Function NextId() As Long
    mNextId = mNextId + 1
    NextId = mNextId
End Function

Private Function RequestLine(ByVal method As String, ByVal params As Object, ByVal id As Long) As String
    RequestLine = "{""jsonrpc"":""2.0"",""method"":" & JsonString(method)
    If Not params Is Nothing Then RequestLine = RequestLine & ",""params"":" & JsonEncode(params)
    If id > 0 Then RequestLine = RequestLine & ",""id"":" & id
    RequestLine = RequestLine & "}"
End Function

Private Sub EnsureRunning()
    Dim command As String
    If Not mExec Is Nothing Then
        If mExec.Status = 0 Then Exit Sub   ' still running
        Set mExec = Nothing                 ' it ended (watchdog, crash, window closed)
    End If
    If mShell Is Nothing Then Set mShell = CreateObject("WScript.Shell")
    command = Quoted(IIf(Len(SkmBinary) > 0, SkmBinary, "skm.exe")) & " rpc --db " & Quoted(DatabasePath())
    On Error Resume Next
    Set mExec = mShell.Exec(command)
    If Err.Number <> 0 Then
        Dim reason As String
        reason = Err.Description
        On Error GoTo 0
        Set mExec = Nothing
        Err.Raise SKM_ERR_PROCESS, "skm", "Program skm tidak dapat dijalankan (" & command & "): " & reason & _
                  " Atur SkmBinary ke lokasi skm.exe."
    End If
    On Error GoTo 0
End Sub

Private Function DatabasePath() As String
    If Len(SkmDatabase) > 0 Then DatabasePath = SkmDatabase: Exit Function
    If Len(ThisWorkbook.Path) = 0 Or InStr(ThisWorkbook.Path, "://") > 0 Then
        Err.Raise SKM_ERR_PROCESS, "skm", "Simpan buku kerja ini di folder lokal dulu (skm.sqlite dicari di " & _
                  "foldernya), atau atur SkmDatabase."
    End If
    DatabasePath = ThisWorkbook.Path & "\skm.sqlite"
End Function

' Writes `message` (one line, or two joined by vbLf) and reads answer lines back, under the
' watchdog: one line when lastId = 0, else every line up to the answer whose id is lastId.
Private Function Exchange(ByVal message As String, ByVal lastId As Long) As Collection
    Dim marker As String, reply As String, ioError As Long, ioText As String, timedOut As Boolean, seconds As Long
    Dim lines As New Collection
    EnsureRunning
    seconds = SkmTimeoutSeconds
    If seconds = 0 Then seconds = 60
    If seconds > 0 Then marker = StartWatchdog(seconds)
    On Error Resume Next
    mExec.StdIn.WriteLine message
    Do While Err.Number = 0
        reply = mExec.StdOut.ReadLine
        If Err.Number <> 0 Or Len(reply) = 0 Then Exit Do
        lines.Add reply
        If lastId = 0 Then Exit Do
        If AnswersId(reply, lastId) Then Exit Do
    Loop
    ioError = Err.Number
    ioText = Err.Description
    On Error GoTo 0
    If Len(marker) > 0 Then
        timedOut = Not FileExists(marker)  ' the watchdog deleted it: it fired
        On Error Resume Next               ' the watchdog may be deleting it right now
        If Not timedOut Then Kill marker   ' ...and this ends the watchdog within a second
        On Error GoTo 0
    End If
    If ioError = 0 And lines.Count > 0 Then
        If lastId = 0 Or AnswersId(lines(lines.Count), lastId) Then Set Exchange = lines: Exit Function
    End If
    If timedOut Then
        KillWith SKM_ERR_TIMEOUT, "skm tidak menjawab dalam " & seconds & " detik; proses dihentikan dan " & _
                 "dimulai lagi pada panggilan berikutnya."
    End If
    KillWith SKM_ERR_PROCESS, "skm berhenti tanpa jawaban. " & StderrText() & " (" & ioText & ")"
End Function

' Starts a hidden cmd that kills skm after `seconds` unless the marker file is gone by then. It
' looks for the marker once a second and ends as soon as it is gone: it ends with the call.
Private Function StartWatchdog(ByVal seconds As Long) As String
    StartWatchdog = NewMarker()
    mShell.Run WatchdogCommand(StartWatchdog, seconds, mExec.ProcessID), 0, False
End Function

' A new empty marker file, never used before (an older watchdog must not find it).
Private Function NewMarker() As String
    Dim f As Integer
    mExchanges = mExchanges + 1
    NewMarker = Environ$("TEMP") & "\skm-rpc-" & mExec.ProcessID & "-" & mExchanges & ".pending"
    f = FreeFile
    Open NewMarker For Output As #f
    Close #f
End Function

' cmd /c (for /L %i in (1,1,N) do @(if not exist M exit) & ping -n 2 127.0.0.1 >nul)
'        & if exist M (del M & taskkill /F /PID p)
' `exit` ends cmd as soon as the marker is gone; ping -n 2 waits about one second.
Private Function WatchdogCommand(ByVal marker As String, ByVal seconds As Long, ByVal pid As Long) As String
    WatchdogCommand = "cmd /c (for /L %i in (1,1," & seconds & ") do @(if not exist " & Quoted(marker) & _
                      " exit) & ping -n 2 127.0.0.1 >nul) & if exist " & Quoted(marker) & _
                      " (del " & Quoted(marker) & " & taskkill /F /PID " & pid & ") >nul 2>&1"
End Function

' Whether a file exists, without Dir(): Dir would reset the caller's own Dir() loop.
Private Function FileExists(ByVal path As String) As Boolean
    On Error Resume Next
    FileExists = (GetAttr(path) And vbDirectory) = 0
    If Err.Number <> 0 Then FileExists = False
    On Error GoTo 0
End Function

' Whether an answer line is the one to request `id`. skm writes "id" as the last member of every
' answer, so the line ends with ,"id":<id>}.
Private Function AnswersId(ByVal line As String, ByVal id As Long) As Boolean
    Dim tail As String
    tail = ",""id"":" & id & "}"
    AnswersId = Right$(line, Len(tail)) = tail
End Function

Private Function StderrText() As String
    On Error Resume Next
    If Not mExec Is Nothing Then
        If mExec.Status <> 0 Then StderrText = mExec.StdErr.ReadAll   ' only once it ended: ReadAll blocks
    End If
End Function

' Stops skm (the next call starts a new one) and raises the error.
Private Sub KillWith(ByVal number As Long, ByVal message As String)
    On Error Resume Next
    If Not mExec Is Nothing Then
        If mExec.Status = 0 Then mExec.Terminate
    End If
    Set mExec = Nothing
    On Error GoTo 0
    Err.Raise number, "skm", message
End Sub

Private Function ParseAnswer(ByVal message As String) As Object
    Dim v As Variant, failed As Boolean
    failed = True
    If Left$(message, 1) = "{" Then
        On Error Resume Next
        Set v = JsonParse(message)
        failed = Err.Number <> 0
        On Error GoTo 0
    End If
    If failed Then KillWith SKM_ERR_JSON, "Jawaban skm bukan JSON yang sah: " & Left$(message, 200)
    Set ParseAnswer = v
End Function

Private Sub RaiseRpcError(ByVal e As Object)
    Dim data As Object
    SkmLastErrorCode = e("code")
    SkmLastErrorDataCode = ""
    SkmLastErrorField = ""
    If e.Exists("data") Then
        If IsObject(e("data")) Then
            Set data = e("data")
            If TypeName(data) = "Dictionary" Then
                If data.Exists("code") Then SkmLastErrorDataCode = NullToText(data("code"))
                If data.Exists("field") Then SkmLastErrorField = NullToText(data("field"))
            End If
        End If
    End If
    Err.Raise SKM_ERR_RPC, "skm " & SkmLastErrorDataCode, e("message")
End Sub

' =====================================================================================
' Private: JSON
' =====================================================================================

Private Function EncodeDictionary(ByVal d As Object) As String
    Dim parts() As String, k As Variant, i As Long
    If d.Count = 0 Then EncodeDictionary = "{}": Exit Function
    ReDim parts(0 To d.Count - 1)
    For Each k In d.Keys
        parts(i) = JsonString(CStr(k)) & ":" & JsonEncode(d(k))
        i = i + 1
    Next
    EncodeDictionary = "{" & Join(parts, ",") & "}"
End Function

Private Function EncodeCollection(ByVal c As Collection) As String
    Dim parts() As String, item As Variant, i As Long
    If c.Count = 0 Then EncodeCollection = "[]": Exit Function
    ReDim parts(0 To c.Count - 1)
    For Each item In c
        parts(i) = JsonEncode(item)
        i = i + 1
    Next
    EncodeCollection = "[" & Join(parts, ",") & "]"
End Function

Private Function EncodeArray(ByVal a As Variant) As String
    Dim parts() As String, row() As String, i As Long, j As Long, rank As Long
    rank = ArrayRank(a)
    If rank = 0 Then   ' a dynamic array never given a size
        EncodeArray = "[]": Exit Function
    ElseIf rank = 2 Then   ' Range.Value: one JSON array per row
        ReDim parts(LBound(a, 1) To UBound(a, 1))
        ReDim row(LBound(a, 2) To UBound(a, 2))
        For i = LBound(a, 1) To UBound(a, 1)
            For j = LBound(a, 2) To UBound(a, 2)
                row(j) = JsonEncode(a(i, j))
            Next
            parts(i) = "[" & Join(row, ",") & "]"
        Next
    ElseIf UBound(a) < LBound(a) Then
        EncodeArray = "[]": Exit Function
    Else
        ReDim parts(LBound(a) To UBound(a))
        For i = LBound(a) To UBound(a)
            parts(i) = JsonEncode(a(i))
        Next
    End If
    EncodeArray = "[" & Join(parts, ",") & "]"
End Function

Private Function ArrayRank(ByVal a As Variant) As Long
    Dim n As Long, bound As Long
    On Error GoTo Done
    Do
        bound = UBound(a, n + 1)
        n = n + 1
    Loop
Done:
    ArrayRank = n
End Function

' Str$ always writes "." as decimal separator, whatever the Windows region settings.
Private Function NumberText(ByVal n As Variant) As String
    Dim s As String
    s = Trim$(Str$(n))
    If Left$(s, 1) = "." Then s = "0" & s
    If Left$(s, 2) = "-." Then s = "-0" & Mid$(s, 2)
    NumberText = s
End Function

' A date as skm wants it: 2025-03-14; a time only (no day part): 09:30. Text is kept as written.
' Built by hand: Format's ":" and "/" follow the Windows region (Indonesian writes 09.30).
Private Function DateText(ByVal v As Variant) As String
    If VarType(v) <> vbDate Then
        DateText = Trim$(CStr(v))
    ElseIf Int(CDbl(v)) = 0 And CDbl(v) <> 0 Then
        DateText = TimeText(v)
    Else
        DateText = Year(v) & "-" & Right$("0" & Month(v), 2) & "-" & Right$("0" & Day(v), 2)
    End If
End Function

' A time cell (a fraction of a day) -> 09:30. Text is kept as written.
Private Function TimeText(ByVal v As Variant) As String
    If VarType(v) = vbDate Or VarType(v) = vbDouble Then
        If CDbl(v) >= 0 And CDbl(v) < 1 Then
            TimeText = Right$("0" & Hour(CDate(v)), 2) & ":" & Right$("0" & Minute(CDate(v)), 2)
            Exit Function
        End If
    End If
    TimeText = Trim$(CStr(v))
End Function

' Column name (as in `skm import`) -> field; "" for a column to ignore, "?" for an unknown one.
Private Function FieldOfHeader(ByVal header As String) As String
    Dim key As String
    key = LCase$(Trim$(header))
    Select Case key
    Case "date", "tanggal", "tgl", "tanggal_survei": FieldOfHeader = "date"
    Case "unit", "unit_layanan", "kode_unit": FieldOfHeader = "unit"
    Case "service", "layanan", "jenis_layanan", "kode_layanan": FieldOfHeader = "service"
    Case "time", "jam", "jam_survei", "waktu": FieldOfHeader = "time"
    Case "gender", "jenis_kelamin", "jk": FieldOfHeader = "gender"
    Case "education", "pendidikan": FieldOfHeader = "education"
    Case "occupation", "pekerjaan": FieldOfHeader = "occupation"
    Case "age", "usia", "umur": FieldOfHeader = "age"
    Case "comment", "saran", "komentar": FieldOfHeader = "comment"
    Case "clientid", "client_id": FieldOfHeader = "clientId"
    Case "questionnaire", "kuesioner": FieldOfHeader = "questionnaire"
    Case "status": FieldOfHeader = "status"
    Case "voided": FieldOfHeader = "voided"
    Case "", "id", "createdat", "created_at", "voidedat", "voided_at", "voidreason", "void_reason"
        FieldOfHeader = ""
    Case Else
        If key Like "u#" Or key Like "u##" Then FieldOfHeader = UCase$(key) Else FieldOfHeader = "?"
    End Select
End Function

Private Sub ParseValue(ByRef v As Variant)
    SkipSpace
    Select Case Mid$(mJson, mPos, 1)
    Case "{": Set v = ParseObject()
    Case "[": Set v = ParseArray()
    Case """": v = ParseString()
    Case "t": Expect "true": v = True
    Case "f": Expect "false": v = False
    Case "n": Expect "null": v = Null
    Case Else: v = ParseNumber()
    End Select
End Sub

Private Function ParseObject() As Object
    Dim d As Object, key As String, v As Variant
    Set d = CreateObject("Scripting.Dictionary")   ' keys compared exactly (binary)
    mPos = mPos + 1
    SkipSpace
    If Mid$(mJson, mPos, 1) = "}" Then mPos = mPos + 1: Set ParseObject = d: Exit Function
    Do
        SkipSpace
        If Mid$(mJson, mPos, 1) <> """" Then JsonFail "kunci"
        key = ParseString()
        SkipSpace
        If Mid$(mJson, mPos, 1) <> ":" Then JsonFail ":"
        mPos = mPos + 1
        v = Empty
        ParseValue v
        d.Add key, v
        SkipSpace
        Select Case Mid$(mJson, mPos, 1)
        Case ",": mPos = mPos + 1
        Case "}": mPos = mPos + 1: Exit Do
        Case Else: JsonFail ", atau }"
        End Select
    Loop
    Set ParseObject = d
End Function

Private Function ParseArray() As Collection
    Dim c As New Collection, v As Variant
    mPos = mPos + 1
    SkipSpace
    If Mid$(mJson, mPos, 1) = "]" Then mPos = mPos + 1: Set ParseArray = c: Exit Function
    Do
        v = Empty
        ParseValue v
        c.Add v
        SkipSpace
        Select Case Mid$(mJson, mPos, 1)
        Case ",": mPos = mPos + 1
        Case "]": mPos = mPos + 1: Exit Do
        Case Else: JsonFail ", atau ]"
        End Select
    Loop
    Set ParseArray = c
End Function

Private Function ParseString() As String
    Dim parts() As String, count As Long, i As Long, code As Long, digit As Long, escaped As Long
    mPos = mPos + 1   ' the opening quote
    Do
        If mQuote <> 0 And mQuote < mPos Then mQuote = InStr(mPos, mJson, """")
        If mQuote = 0 Then JsonFail "akhir teks"
        If mSlash <> 0 And mSlash < mPos Then mSlash = InStr(mPos, mJson, "\")
        If mSlash = 0 Or mSlash > mQuote Then   ' no escape before the closing quote
            If count = 0 Then
                ParseString = Mid$(mJson, mPos, mQuote - mPos)
                mPos = mQuote + 1
                Exit Function
            End If
            AddPiece parts, count, Mid$(mJson, mPos, mQuote - mPos)
            mPos = mQuote + 1
            Exit Do
        End If
        AddPiece parts, count, Mid$(mJson, mPos, mSlash - mPos)
        escaped = 2
        Select Case Mid$(mJson, mSlash + 1, 1)
        Case """", "\", "/": AddPiece parts, count, Mid$(mJson, mSlash + 1, 1)
        Case "b": AddPiece parts, count, ChrW$(8)
        Case "f": AddPiece parts, count, ChrW$(12)
        Case "n": AddPiece parts, count, vbLf
        Case "r": AddPiece parts, count, vbCr
        Case "t": AddPiece parts, count, vbTab
        Case "u"
            code = 0
            For i = mSlash + 2 To mSlash + 5
                digit = InStr(1, "0123456789abcdef", Mid$(mJson, i, 1), vbTextCompare) - 1
                If digit < 0 Then mPos = i: JsonFail "\uXXXX"
                code = code * 16 + digit
            Next
            AddPiece parts, count, ChrW$(code)
            escaped = 6
        Case Else: mPos = mSlash: JsonFail "escape"
        End Select
        mPos = mSlash + escaped
    Loop
    ReDim Preserve parts(0 To count - 1)
    ParseString = Join(parts, "")
End Function

' Appends to a growing array (doubling), so that a string of many escapes is joined once.
Private Sub AddPiece(ByRef parts() As String, ByRef count As Long, ByVal piece As String)
    If count = 0 Then
        ReDim parts(0 To 7)
    ElseIf count > UBound(parts) Then
        ReDim Preserve parts(0 To 2 * count - 1)
    End If
    parts(count) = piece
    count = count + 1
End Sub

' Val reads "." as decimal separator whatever the region settings.
Private Function ParseNumber() As Double
    Dim start As Long
    start = mPos
    Do While mPos <= Len(mJson)
        If InStr(1, "+-0123456789.eE", Mid$(mJson, mPos, 1)) = 0 Then Exit Do
        mPos = mPos + 1
    Loop
    If mPos = start Then JsonFail "nilai"
    ParseNumber = Val(UCase$(Mid$(mJson, start, mPos - start)))   ' skm writes 1e-07
End Function

Private Sub Expect(ByVal word As String)
    If Mid$(mJson, mPos, Len(word)) <> word Then JsonFail word
    mPos = mPos + Len(word)
End Sub

Private Sub SkipSpace()
    Do While mPos <= Len(mJson)
        Select Case Mid$(mJson, mPos, 1)
        Case " ", vbTab, vbCr, vbLf: mPos = mPos + 1
        Case Else: Exit Do
        End Select
    Loop
End Sub

Private Sub JsonFail(ByVal expected As String)
    Err.Raise SKM_ERR_JSON, "skm", "JSON tidak sah di posisi " & mPos & " (diharapkan " & expected & ")."
End Sub

' =====================================================================================
' Private: small things
' =====================================================================================

Private Function Quoted(ByVal s As String) As String
    Quoted = """" & s & """"
End Function

Private Function NullToText(ByVal v As Variant) As String
    If Not IsNull(v) Then NullToText = CStr(v)
End Function

Private Function Elapsed(ByVal started As Single) As Single
    Elapsed = Timer - started
    If Elapsed < 0 Then Elapsed = Elapsed + 86400   ' Timer restarts at midnight
End Function
