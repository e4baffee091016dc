# bash completion for omni. Load it with: source <(omni completion bash)
_omni() {
    local cur=${COMP_WORDS[COMP_CWORD]} flags="" args=dirs
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "{{range .}}{{.Name}} {{end}}--help --version" -- "$cur"))
        return
    fi
    case ${COMP_WORDS[1]} in
{{- range .}}
    {{.Name}}) flags="{{words .Flags}}" args={{.Args}} ;;
{{- end}}
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$flags --help" -- "$cur"))
        return
    fi
    case $args in
    dirs) COMPREPLY=($(compgen -d -- "$cur")) ;;
    files) COMPREPLY=($(compgen -f -- "$cur")) ;;
    shells) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")) ;;
    esac
}
complete -o filenames -F _omni omni
