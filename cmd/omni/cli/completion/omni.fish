# fish completion for omni. Load it with: omni completion fish | source,
# or save it as ~/.config/fish/completions/omni.fish
complete -c omni -f
complete -c omni -n __fish_use_subcommand -l help -d 'Print the usage'
complete -c omni -n __fish_use_subcommand -l version -d 'Print the versions'
{{- range .}}
complete -c omni -n __fish_use_subcommand -a {{.Name}} -d {{quote .Summary}}
{{- $name := .Name}}
{{- range .Flags}}
complete -c omni -n '__fish_seen_subcommand_from {{$name}}' -l {{.Long}}{{if .Short}} -s {{.Short}}{{end}} -d {{quote .Usage}}
{{- end}}
{{- if eq .Args "dirs"}}
complete -c omni -n '__fish_seen_subcommand_from {{$name}}' -a '(__fish_complete_directories)'
{{- else if eq .Args "files"}}
complete -c omni -n '__fish_seen_subcommand_from {{$name}}' -F
{{- else if eq .Args "shells"}}
complete -c omni -n '__fish_seen_subcommand_from {{$name}}' -a 'bash zsh fish'
{{- end}}
{{- end}}
