#compdef omni
# zsh completion for omni. Load it with: source <(omni completion zsh),
# or save it as _omni in a folder of $fpath.
_omni() {
    if (( CURRENT == 2 )); then
        compadd -- {{range .}}{{.Name}} {{end}}--help --version
        return
    fi
    local -a flags
    local args=dirs
    case $words[2] in
{{- range .}}
    {{.Name}}) flags=({{words .Flags}}) args={{.Args}} ;;
{{- end}}
    esac
    if [[ $PREFIX == -* ]]; then
        compadd -- $flags --help
        return
    fi
    case $args in
    dirs) _files -/ ;;
    files) _files ;;
    shells) compadd -- bash zsh fish ;;
    esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _omni "$@"
else
    compdef _omni omni
fi
